// Teaching assignments (who teaches what to which class or group): filters by class and by teacher (kept in the
// address), and for admin and secretary a form to add one and a button to remove one.
import { useState } from 'preact/hooks';
import { del, get, post, query, type Assignment, type SchoolClass, type Subject, type User } from '../api';
import { useErrorText, useForm } from '../components/form';
import { Notice, SelectField, Submit } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { byPolish, fullName, listName } from '../format';
import { navigate, useLocation } from '../router';
import { useClasses } from './Classes';
import { managesOrganisation, useGroups, useTeachingStaff } from './organisation';

function AddAssignment({
  schoolId,
  classes,
  teachers,
  subjects,
  defaultClassId,
  defaultTeacherId,
  onCreated,
}: {
  schoolId: number;
  classes: SchoolClass[];
  teachers: User[];
  subjects: Subject[];
  defaultClassId: string;
  defaultTeacherId: string;
  onCreated: (a: Assignment) => void;
}) {
  const { t } = useApp();
  const initial = { teacher_id: defaultTeacherId, subject_id: '', class_id: defaultClassId, group_id: '' };
  const form = useForm(initial);
  const { values, set, errors } = form;
  const groups = useGroups(schoolId, values.class_id);
  const save = form.submit(
    async () => {
      const created = await post<Assignment>(`/schools/${schoolId}/assignments`, {
        teacher_id: Number(values.teacher_id) || undefined,
        subject_id: Number(values.subject_id) || undefined,
        class_id: Number(values.class_id) || undefined,
        group_id: values.group_id ? Number(values.group_id) : null,
      });
      // Keep teacher and class: the office usually enters several subjects for one of them in a row.
      form.reset({ ...values, subject_id: '', group_id: '' });
      onCreated(created);
    },
    { duplicate_assignment: 'subject_id' },
  );
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <SelectField
        id="assignment_teacher"
        label={t('assignments.teacher')}
        value={values.teacher_id}
        onValue={(v) => set('teacher_id', v)}
        options={teachers.map((u) => ({ value: String(u.id), label: listName(u) }))}
        placeholder={t('assignments.chooseTeacher')}
        required
        error={errors.teacher_id}
      />
      <SelectField
        id="assignment_subject"
        label={t('assignments.subject')}
        value={values.subject_id}
        onValue={(v) => set('subject_id', v)}
        options={subjects.map((s) => ({ value: String(s.id), label: s.name }))}
        placeholder={t('assignments.chooseSubject')}
        required
        error={errors.subject_id}
      />
      <SelectField
        id="assignment_class"
        label={t('assignments.class')}
        value={values.class_id}
        onValue={(v) => {
          set('class_id', v);
          set('group_id', '');
        }}
        options={classes.map((c) => ({ value: String(c.id), label: c.name }))}
        placeholder={t('students.chooseClass')}
        required
        error={errors.class_id}
      />
      <SelectField
        id="assignment_group"
        label={t('assignments.group')}
        hint={values.class_id ? t('assignments.groupHint') : t('assignments.groupNeedsClass')}
        value={values.group_id}
        onValue={(v) => set('group_id', v)}
        options={(groups.data ?? [])
          .filter((g) => String(g.class_id) === values.class_id)
          .map((g) => ({ value: String(g.id), label: g.name }))}
        placeholder={t('assignments.wholeClass')}
        optional
        disabled={!values.class_id}
        error={errors.group_id}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('assignments.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

/** "Matematyka, 1a (ang gr. 1), Anna Nowak": how messages name an assignment. */
function useDescribe() {
  const { t } = useApp();
  return (a: Assignment) =>
    t('assignments.describe', {
      subject: a.subject.name,
      class: a.group_name ? `${a.class_name} (${a.group_name})` : a.class_name,
      teacher: fullName(a.teacher),
    });
}

function AssignmentTable({
  items,
  manage,
  onRemove,
}: {
  items: Assignment[];
  manage: boolean;
  onRemove: (a: Assignment) => void;
}) {
  const { t } = useApp();
  const describe = useDescribe();
  if (items.length === 0) return <p>{t('assignments.empty')}</p>;
  return (
    <TableRegion caption={t('assignments.title')}>
      <table data-testid="assignments-table">
        <caption class="visually-hidden">{t('assignments.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assignments.class')}</th>
            <th scope="col">{t('assignments.group')}</th>
            <th scope="col">{t('assignments.subject')}</th>
            <th scope="col">{t('assignments.teacher')}</th>
            {manage && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.class_name}</th>
              <td>{a.group_name || <span class="muted">{t('assignments.wholeClassShort')}</span>}</td>
              <td>{a.subject.name}</td>
              <td>{fullName(a.teacher)}</td>
              {manage && (
                <td>
                  <button
                    type="button"
                    class="button small"
                    aria-label={t('assignments.removeLabel', { what: describe(a) })}
                    onClick={() => onRemove(a)}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function AssignmentsPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesOrganisation(me?.user.role);
  const { search } = useLocation();
  const classId = search.get('class_id') ?? '';
  const teacherId = search.get('teacher_id') ?? '';
  const classes = useClasses(schoolId);
  const teachers = useTeachingStaff(schoolId);
  const subjects = useLoad(async () => {
    const data = await get<{ items: Subject[] }>(`/schools/${schoolId}/subjects`);
    return [...data.items].sort((a, b) => byPolish(a.name, b.name));
  }, [schoolId]);
  const assignments = useLoad(
    () =>
      get<{ items: Assignment[] }>(
        `/schools/${schoolId}/assignments${query({ class_id: classId, teacher_id: teacherId })}`,
      ),
    [schoolId, classId, teacherId],
  );
  const [created, setCreated] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const errorText = useErrorText();
  const describe = useDescribe();

  const filter = (next: { class_id?: string; teacher_id?: string }) =>
    navigate(`/admin/assignments${query({ class_id: classId, teacher_id: teacherId, ...next })}`, true);

  const remove = async (a: Assignment) => {
    if (!window.confirm(t('assignments.removeConfirm', { what: describe(a) }))) return;
    setActionError(null);
    try {
      await del(`/schools/${schoolId}/assignments/${a.id}`);
      setRemoved(t('assignments.removed', { what: describe(a) }));
      assignments.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  const teacherOptions = (teachers.data ?? []).map((u) => ({ value: String(u.id), label: listName(u) }));
  const classOptions = (classes.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  return (
    <>
      <PageHeading title={t('assignments.title')} />
      {manage && (
        <Panel id="add-assignment-heading" title={t('assignments.add')}>
          {created && <Notice kind="success">{created}</Notice>}
          <LoadState state={classes}>
            {(classList) => (
              <LoadState state={teachers}>
                {(teacherList) => (
                  <LoadState state={subjects}>
                    {(subjectList) => (
                      <AddAssignment
                        schoolId={schoolId}
                        classes={classList}
                        teachers={teacherList}
                        subjects={subjectList}
                        defaultClassId={classId}
                        defaultTeacherId={teacherId}
                        onCreated={(a) => {
                          setCreated(t('assignments.created', { what: describe(a) }));
                          assignments.reload();
                        }}
                      />
                    )}
                  </LoadState>
                )}
              </LoadState>
            )}
          </LoadState>
        </Panel>
      )}
      <Panel id="assignment-list-heading" title={t('assignments.list')}>
        <div class="filter-bar subgrid">
          <SelectField
            id="assignments_class_filter"
            label={t('assignments.filterClass')}
            value={classId}
            onValue={(v) => filter({ class_id: v })}
            options={classOptions}
            placeholder={t('students.allClasses')}
          />
          <SelectField
            id="assignments_teacher_filter"
            label={t('assignments.filterTeacher')}
            value={teacherId}
            onValue={(v) => filter({ teacher_id: v })}
            options={teacherOptions}
            placeholder={t('assignments.allTeachers')}
          />
        </div>
        {removed && <Notice kind="success">{removed}</Notice>}
        {actionError && <Notice kind="error">{actionError}</Notice>}
        <LoadState state={assignments}>
          {(data) => <AssignmentTable items={data.items} manage={manage} onRemove={(a) => void remove(a)} />}
        </LoadState>
      </Panel>
    </>
  );
}
