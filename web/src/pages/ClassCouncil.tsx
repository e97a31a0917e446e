// The class's parent council (rada oddziałowa rodziców): the parents whom the class's other parents may write to as
// one. Every member of staff reads it; the homeroom teacher, the admin and the secretary choose it from the class's
// parents (at most ten).
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, put, type SchoolClass } from '../api';
import type { ClassCouncil } from '../communication/types';
import { CheckboxGroupField, Notice, Submit } from '../components/fields';
import { useForm } from '../components/form';
import { LoadState, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { listName } from '../format';
import type { ClassParent } from './organisation';

/** The most members the API takes. */
const MAX_MEMBERS = 10;

/** "Górska Łucja (Tomasz Górski)": a parent with the children they have in the class. */
const parentLabel = (p: ClassParent) => `${listName(p)} (${p.children.join(', ')})`;

function CouncilForm({
  klass,
  council,
  parents,
  onSaved,
  onCancel,
}: {
  klass: SchoolClass;
  council: ClassCouncil;
  parents: ClassParent[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const known = new Set(parents.map((p) => p.id));
  // A member with no child left in the class cannot stay: the API takes only the class's parents.
  const form = useForm({ parent_ids: council.members.map((m) => m.id).filter((id) => known.has(id)) });
  const { values, set, errors } = form;
  useEffect(() => document.getElementById(`council_parents_${parents[0]?.id}`)?.focus(), []);
  const save = form.submit(async () => {
    await put<ClassCouncil>(`/classes/${klass.id}/council`, values);
    onSaved();
  });
  if (parents.length === 0) return <p>{t('council.noParents')}</p>;
  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <CheckboxGroupField
        id="council_parents"
        legend={t('council.choose', { name: klass.name })}
        hint={t('council.max', { n: MAX_MEMBERS })}
        options={parents.map((p) => ({ value: p.id, label: parentLabel(p) }))}
        chosen={values.parent_ids}
        onChosen={(ids) => set('parent_ids', ids)}
        error={errors.parent_ids}
      />
      <p class="muted" aria-live="polite">
        {t('council.chosen', { n: values.parent_ids.length, max: MAX_MEMBERS })}
      </p>
      <div class="actions">
        <Submit busy={form.busy} label={t('council.save')} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** `parents` is null while the class's students are read. */
export function ClassCouncilPanel({ klass, parents }: { klass: SchoolClass; parents: ClassParent[] | null }) {
  const { t, me } = useApp();
  const role = me!.user.role;
  const canEdit = klass.homeroom_teacher?.id === me!.user.id || role === 'admin' || role === 'secretary';
  const council = useLoad(() => get<ClassCouncil>(`/classes/${klass.id}/council`), [klass.id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const byId = new Map((parents ?? []).map((p) => [p.id, p]));
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return void (toggled.current = true);
    if (!editing) document.getElementById('council-edit')?.focus();
  }, [editing]);

  return (
    <Panel id="council-heading" title={t('council.title', { name: klass.name })}>
      <p class="muted">{t('council.about')}</p>
      {saved && <Notice kind="success">{t('council.saved')}</Notice>}
      <LoadState state={council}>
        {(c) =>
          editing && parents ? (
            <CouncilForm
              klass={klass}
              council={c}
              parents={parents}
              onSaved={() => {
                setSaved(true);
                setEditing(false);
                council.reload();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              {c.members.length === 0 ? (
                <p data-testid="council-members">{t('council.none')}</p>
              ) : (
                <ul data-testid="council-members">
                  {c.members.map((m) => {
                    const parent = byId.get(m.id);
                    return <li key={m.id}>{parent ? parentLabel(parent) : m.name || t('council.formerParent')}</li>;
                  })}
                </ul>
              )}
              {canEdit && (
                <button
                  type="button"
                  class="button"
                  id="council-edit"
                  aria-disabled={parents ? undefined : 'true'}
                  onClick={() => {
                    if (!parents) return;
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t('council.edit')}
                </button>
              )}
            </>
          )
        }
      </LoadState>
    </Panel>
  );
}
