// Groups inside a class (languages, PE, IT): choose a class (kept in the address), see its groups with their members,
// and (admin, secretary) create a group or change its members, choosing among the class's students.
import { useEffect, useState } from 'preact/hooks';
import { post, put, query, type Group, type Student } from '../api';
import { useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion } from '../components/page';
import { useApp } from '../context';
import { navigate, useLocation } from '../router';
import { useClasses } from './Classes';
import { managesOrganisation, studentLabel, useClassStudents, useGroups } from './organisation';

/** The class's students as checkboxes; `selected` holds the chosen ids. */
function MemberChecklist({
  idPrefix,
  legend,
  students,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  legend: string;
  students: Student[];
  selected: number[];
  onChange: (ids: number[]) => void;
  error?: string;
}) {
  const { t } = useApp();
  const errorId = `${idPrefix}-error`;
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <fieldset class={`member-list wide${error ? ' has-error' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend} <span class="optional">{t('groups.chosen', { n: selected.length, of: students.length })}</span>
      </legend>
      {students.length === 0 ? (
        <p>{t('groups.noStudents')}</p>
      ) : (
        <>
          <div class="actions member-shortcuts">
            <button type="button" class="button small" onClick={() => onChange(students.map((s) => s.id))}>
              {t('groups.all')}
            </button>
            <button type="button" class="button small" onClick={() => onChange([])}>
              {t('groups.none')}
            </button>
          </div>
          <ul class="plain member-grid">
            {students.map((s) => (
              <li class="field checkbox" key={s.id}>
                <input
                  type="checkbox"
                  id={`${idPrefix}-${s.id}`}
                  checked={selected.includes(s.id)}
                  onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                />
                <label for={`${idPrefix}-${s.id}`}>{studentLabel(s)}</label>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p class="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function AddGroup({
  schoolId,
  classId,
  students,
  onCreated,
}: {
  schoolId: number;
  classId: string;
  students: Student[];
  onCreated: (g: Group) => void;
}) {
  const { t } = useApp();
  const form = useForm({ name: '', student_ids: [] as number[] });
  const { values, set, errors } = form;
  const save = form.submit(
    async () => {
      const body = { class_id: Number(classId), name: values.name.trim(), student_ids: values.student_ids };
      const created = await post<Group>(`/schools/${schoolId}/groups`, body);
      form.reset();
      onCreated(created);
    },
    { duplicate_group: 'name' },
  );
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="group_name"
        label={t('groups.name')}
        hint={t('groups.nameHint')}
        value={values.name}
        onValue={(v) => set('name', v)}
        autocomplete="off"
        maxLength={60}
        required
        error={errors.name ?? errors.class_id}
      />
      <MemberChecklist
        idPrefix="group_new_member"
        legend={t('groups.members')}
        students={students}
        selected={values.student_ids}
        onChange={(ids) => set('student_ids', ids)}
        error={errors.student_ids}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('groups.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function EditMembers({
  schoolId,
  group,
  students,
  onSaved,
  onCancel,
}: {
  schoolId: number;
  group: Group;
  students: Student[];
  onSaved: (g: Group) => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const form = useForm({ student_ids: group.student_ids });
  useEffect(() => {
    form.formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const save = form.submit(async () => {
    onSaved(await put<Group>(`/schools/${schoolId}/groups/${group.id}/members`, form.values));
  });
  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <MemberChecklist
        idPrefix="group_edit_member"
        legend={t('groups.editLegend', { name: group.name })}
        students={students}
        selected={form.values.student_ids}
        onChange={(ids) => form.set('student_ids', ids)}
        error={form.errors.student_ids}
      />
      <div class="actions">
        <Submit busy={form.busy} label={t('common.save')} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function GroupTable({
  schoolId,
  groups,
  students,
  manage,
  onSaved,
}: {
  schoolId: number;
  groups: Group[];
  students: Student[];
  manage: boolean;
  onSaved: (g: Group) => void;
}) {
  const { t } = useApp();
  const [editing, setEditing] = useState<Group | null>(null);
  const byId = new Map(students.map((s) => [s.id, s]));
  const close = (id: number) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(`group-edit-${id}`)?.focus());
  };
  return (
    <>
      <TableRegion caption={t('groups.title')}>
        <table data-testid="groups-table">
          <caption class="visually-hidden">{t('groups.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('groups.name')}</th>
              <th scope="col" class="num">
                {t('groups.count')}
              </th>
              <th scope="col">{t('groups.members')}</th>
              {manage && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => {
              const members = g.student_ids.map((id) => byId.get(id)).filter((s): s is Student => Boolean(s));
              const open = editing?.id === g.id;
              return (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td class="num">{g.student_ids.length}</td>
                  <td>
                    {members.length > 0 && (
                      <details>
                        <summary>{t('groups.show', { name: g.name })}</summary>
                        <ul class="plain">
                          {members.map((s) => (
                            <li key={s.id}>{studentLabel(s)}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  {manage && (
                    <td>
                      <button
                        type="button"
                        class="button small"
                        id={`group-edit-${g.id}`}
                        aria-expanded={open ? 'true' : 'false'}
                        aria-controls={open ? `group-editor-${g.id}` : undefined}
                        aria-label={t('groups.editLabel', { name: g.name })}
                        onClick={() => setEditing(open ? null : g)}
                      >
                        {t('groups.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {editing && (
        // Below the table rather than inside it, so that on a phone it is not cut off by the table's scrolling.
        <section
          class="editor"
          key={editing.id}
          id={`group-editor-${editing.id}`}
          aria-labelledby="group-editor-heading"
        >
          <h3 id="group-editor-heading">{t('groups.editTitle', { name: editing.name })}</h3>
          <EditMembers
            schoolId={schoolId}
            group={editing}
            students={students}
            onSaved={(saved) => {
              close(editing.id);
              onSaved(saved);
            }}
            onCancel={() => close(editing.id)}
          />
        </section>
      )}
    </>
  );
}

/** One class's groups and the form to add one; mounted afresh for each class, so nothing stale shows. */
function ClassGroups({
  schoolId,
  classId,
  className,
  manage,
}: {
  schoolId: number;
  classId: string;
  className: string;
  manage: boolean;
}) {
  const { t } = useApp();
  const groups = useGroups(schoolId, classId);
  const students = useClassStudents(schoolId, classId);
  const [saved, setSaved] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <Panel id="group-list-heading" title={t('groups.ofClass', { name: className })}>
        {saved && <Notice kind="success">{saved}</Notice>}
        <LoadState state={groups}>
          {(items) => (
            <LoadState state={students}>
              {(people) =>
                items.length === 0 ? (
                  <p>{t('groups.empty')}</p>
                ) : (
                  <GroupTable
                    schoolId={schoolId}
                    groups={items}
                    students={people}
                    manage={manage}
                    onSaved={(g) => {
                      setSaved(t('groups.saved', { name: g.name, n: g.student_ids.length }));
                      groups.reload();
                    }}
                  />
                )
              }
            </LoadState>
          )}
        </LoadState>
      </Panel>
      {manage && (
        <Panel id="add-group-heading" title={t('groups.addTo', { name: className })}>
          {created && <Notice kind="success">{created}</Notice>}
          <LoadState state={students}>
            {(people) => (
              <AddGroup
                schoolId={schoolId}
                classId={classId}
                students={people}
                onCreated={(g) => {
                  setCreated(t('groups.created', { name: g.name, n: g.student_ids.length }));
                  groups.reload();
                }}
              />
            )}
          </LoadState>
        </Panel>
      )}
    </>
  );
}

export function GroupsPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesOrganisation(me?.user.role);
  const { search } = useLocation();
  const classes = useClasses(schoolId);
  return (
    <>
      <PageHeading title={t('groups.title')} />
      <LoadState state={classes}>
        {(list) => {
          if (list.length === 0) return <p>{t('classes.empty')}</p>;
          // Without a choice in the address, the first class is shown.
          const chosen = list.find((c) => String(c.id) === search.get('class_id')) ?? list[0];
          const classId = String(chosen.id);
          return (
            <>
              <div class="filter-bar">
                <SelectField
                  id="groups_class"
                  label={t('groups.class')}
                  value={classId}
                  onValue={(v) => navigate(`/admin/groups${query({ class_id: v })}`, true)}
                  options={list.map((c) => ({ value: String(c.id), label: c.name }))}
                />
              </div>
              <ClassGroups
                key={classId}
                schoolId={schoolId}
                classId={classId}
                className={chosen.name}
                manage={manage}
              />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
