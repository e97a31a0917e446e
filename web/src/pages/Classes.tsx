// Classes: list with homeroom teachers, student counts and links; admin and secretary add new ones, rename them,
// set or clear the homeroom teacher and number the class register alphabetically.
import { useState } from 'preact/hooks';
import { get, post, type SchoolClass } from '../api';
import { useErrorText, useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { fullName } from '../format';
import { Link } from '../router';
import { ClassEditor } from './ClassEditor';
import { managesOrganisation, useTeachers } from './organisation';

/** Classes of the signed-in user's school, sorted the way a school reads them (1a, 1b, 2a, 10a). */
export function useClasses(schoolId: number) {
  return useLoad(async () => {
    const data = await get<{ items: SchoolClass[] }>(`/schools/${schoolId}/classes`);
    return [...data.items].sort((a, b) => a.name.localeCompare(b.name, 'pl', { numeric: true }));
  }, [schoolId]);
}

function AddClass({ schoolId, onCreated }: { schoolId: number; onCreated: (c: SchoolClass) => void }) {
  const { t } = useApp();
  const form = useForm({ name: '' });
  const save = form.submit(async () => {
    const created = await post<SchoolClass>(`/schools/${schoolId}/classes`, { name: form.values.name.trim() });
    form.reset();
    onCreated(created);
  });
  // A conflict (409 duplicate_class) carries no field: its message belongs to the name field anyway.
  const nameError = form.errors.name ?? (form.error && !Object.keys(form.errors).length ? form.error : undefined);
  return (
    <form class="form inline-form" ref={form.formRef} onSubmit={save} noValidate>
      <TextField
        id="class_name"
        label={t('classes.name')}
        hint={t('classes.nameHint')}
        value={form.values.name}
        onValue={(v) => form.set('name', v)}
        autocomplete="off"
        spellcheck={false}
        required
        error={nameError}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('classes.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function ClassRow({
  cls,
  manage,
  editing,
  onEdit,
  onNumber,
}: {
  cls: SchoolClass;
  manage: boolean;
  editing: boolean;
  onEdit: () => void;
  onNumber: () => void;
}) {
  const { t } = useApp();
  const c = cls;
  return (
    <tr>
      <th scope="row">{c.name}</th>
      <td>
        {c.homeroom_teacher ? fullName(c.homeroom_teacher) : <span class="muted">{t('classes.noHomeroomShort')}</span>}
      </td>
      <td class="num">{c.student_count}</td>
      <td>
        <div class="row-actions">
          <Link href={`/admin/students?class_id=${c.id}`}>{t('classes.students', { name: c.name })}</Link>
          {manage && <Link href={`/admin/slips?class_id=${c.id}`}>{t('classes.slips', { name: c.name })}</Link>}
          {manage && (
            <button
              type="button"
              class="button small"
              id={`class-edit-${c.id}`}
              aria-expanded={editing ? 'true' : 'false'}
              aria-controls={editing ? `class-editor-${c.id}` : undefined}
              aria-label={t('classes.editLabel', { name: c.name })}
              onClick={onEdit}
            >
              {t('common.edit')}
            </button>
          )}
          {manage && (
            <button
              type="button"
              class="button small"
              aria-label={t('classes.numberLabel', { name: c.name })}
              onClick={onNumber}
            >
              {t('classes.number')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

function ClassTable({
  schoolId,
  items,
  manage,
  onChanged,
}: {
  schoolId: number;
  items: SchoolClass[];
  manage: boolean;
  onChanged: (message: string) => void;
}) {
  const { t } = useApp();
  const teachers = useTeachers(schoolId);
  const [editing, setEditing] = useState<SchoolClass | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const errorText = useErrorText();
  const close = (id: number) => {
    setEditing(null);
    // The editor is gone: put focus back on the button that opened it.
    requestAnimationFrame(() => document.getElementById(`class-edit-${id}`)?.focus());
  };
  const number = async (c: SchoolClass) => {
    if (!window.confirm(t('classes.numberConfirm', { name: c.name }))) return;
    setActionError(null);
    try {
      await post(`/schools/${schoolId}/classes/${c.id}/register-numbers`);
      onChanged(t('classes.numbered', { name: c.name }));
    } catch (e) {
      setActionError(errorText(e));
    }
  };
  return (
    <>
      {actionError && <Notice kind="error">{actionError}</Notice>}
      <TableRegion caption={t('classes.title')}>
        <table>
          <caption class="visually-hidden">{t('classes.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('classes.name')}</th>
              <th scope="col">{t('classes.homeroom')}</th>
              <th scope="col" class="num">
                {t('classes.count')}
              </th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <ClassRow
                key={c.id}
                cls={c}
                manage={manage}
                editing={editing?.id === c.id}
                onEdit={() => setEditing(editing?.id === c.id ? null : c)}
                onNumber={() => void number(c)}
              />
            ))}
          </tbody>
        </table>
      </TableRegion>
      {editing && (
        // Below the table rather than inside it, so that on a phone it is not cut off by the table's scrolling.
        <section
          class="editor"
          key={editing.id}
          id={`class-editor-${editing.id}`}
          aria-labelledby="class-editor-heading"
        >
          <h3 id="class-editor-heading">{t('classes.editTitle', { name: editing.name })}</h3>
          <LoadState state={teachers}>
            {(list) => (
              <ClassEditor
                schoolId={schoolId}
                cls={editing}
                teachers={list}
                onSaved={(saved) => {
                  close(editing.id);
                  onChanged(t('classes.saved', { name: saved.name }));
                }}
                onCancel={() => close(editing.id)}
              />
            )}
          </LoadState>
        </section>
      )}
    </>
  );
}

export function ClassesPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesOrganisation(me?.user.role);
  const classes = useClasses(schoolId);
  const [created, setCreated] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('classes.title')} />
      {manage && (
        <Panel id="add-class-heading" title={t('classes.add')}>
          {created && <Notice kind="success">{t('classes.created', { name: created })}</Notice>}
          <AddClass
            schoolId={schoolId}
            onCreated={(c) => {
              setCreated(c.name);
              classes.reload();
            }}
          />
        </Panel>
      )}
      <Panel id="class-list-heading" title={t('classes.title')}>
        {manage && <p class="hint">{t('classes.numberHint')}</p>}
        {changed && <Notice kind="success">{changed}</Notice>}
        <LoadState state={classes}>
          {(items) =>
            items.length === 0 ? (
              <p>{t('classes.empty')}</p>
            ) : (
              <ClassTable
                schoolId={schoolId}
                items={items}
                manage={manage}
                onChanged={(message) => {
                  setChanged(message);
                  classes.reload();
                }}
              />
            )
          }
        </LoadState>
      </Panel>
    </>
  );
}
