// Adding a student: with a new parent account, or linked to a parent the school already has (siblings).
import { useMemo } from 'preact/hooks';
import { get, post, type PersonRef, type SchoolClass, type Student, type User } from '../api';
import type { IssuedCredential } from '../components/credentials';
import { useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { useLoad } from '../components/page';
import { useApp } from '../context';

interface Created {
  intro: string;
  items: IssuedCredential[];
  classId: number;
}

interface CreateResult {
  student: Student;
  parent: User;
  student_activation_code: string;
  parent_activation_code: string | null;
}

/** Every parent of the school, once each, from the students list (parents are not in /users). */
function useSchoolParents(schoolId: number, enabled: boolean) {
  const all = useLoad(
    async () => (enabled ? (await get<{ items: Student[] }>(`/schools/${schoolId}/students`)).items : []),
    [schoolId, enabled],
  );
  return useMemo(() => {
    const byId = new Map<number, PersonRef>();
    for (const s of all.data ?? []) for (const p of s.parents) byId.set(p.id, p);
    return [...byId.values()].sort((a, b) => a.last_name.localeCompare(b.last_name, 'pl'));
  }, [all.data]);
}

interface Props {
  schoolId: number;
  classes: SchoolClass[];
  defaultClassId: string;
  onCreated: (created: Created) => void;
}

export function AddStudent({ schoolId, classes, defaultClassId, onCreated }: Props) {
  const { t } = useApp();
  const initial = {
    first_name: '',
    last_name: '',
    class_id: defaultClassId,
    mode: 'new' as 'new' | 'existing',
    parent_first_name: '',
    parent_last_name: '',
    parent_email: '',
    parent_id: '',
  };
  const form = useForm(initial);
  const { values, set, errors } = form;
  const parents = useSchoolParents(schoolId, values.mode === 'existing');

  const save = form.submit(async () => {
    const base = {
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      class_id: Number(values.class_id) || undefined,
    };
    const body =
      values.mode === 'new'
        ? {
            ...base,
            parent: {
              first_name: values.parent_first_name.trim(),
              last_name: values.parent_last_name.trim(),
              email: values.parent_email.trim() || undefined,
            },
          }
        : { ...base, parent_id: Number(values.parent_id) || undefined };
    const r = await post<CreateResult>(`/schools/${schoolId}/students`, body);
    const studentName = `${r.student.first_name} ${r.student.last_name}`;
    const items: IssuedCredential[] = [
      { heading: t('role.student'), name: studentName, login: r.student.login, code: r.student_activation_code },
    ];
    if (r.parent_activation_code) {
      items.push({
        heading: t('role.parent'),
        name: `${r.parent.first_name} ${r.parent.last_name}`,
        login: r.parent.login,
        code: r.parent_activation_code,
      });
    }
    const intro =
      t('students.created', { name: studentName }) + (r.parent_activation_code ? '' : ` ${t('students.parentKnown')}`);
    form.reset({ ...initial, class_id: values.class_id });
    onCreated({ intro, items, classId: r.student.class_id });
  });

  // Nested API fields come back as "parent.first_name"; show them beside the matching inputs.
  const err = (key: string) => errors[key] ?? errors[key.replace('parent_', 'parent.')];
  const classOptions = classes.map((c) => ({ value: String(c.id), label: c.name }));
  const parentOptions = parents.map((p) => ({
    value: String(p.id),
    label: `${p.last_name} ${p.first_name} (${p.login})`,
  }));
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="student_first_name"
        label={t('person.firstName')}
        value={values.first_name}
        onValue={(v) => set('first_name', v)}
        autocomplete="off"
        required
        error={errors.first_name}
      />
      <TextField
        id="student_last_name"
        label={t('person.lastName')}
        value={values.last_name}
        onValue={(v) => set('last_name', v)}
        autocomplete="off"
        required
        error={errors.last_name}
      />
      <SelectField
        id="student_class"
        label={t('students.class')}
        value={values.class_id}
        onValue={(v) => set('class_id', v)}
        options={classOptions}
        placeholder={t('students.chooseClass')}
        required
        error={errors.class_id}
      />
      <fieldset class="radio-group wide">
        <legend>{t('students.parent')}</legend>
        {(['new', 'existing'] as const).map((mode) => (
          <div class="radio" key={mode}>
            <input
              type="radio"
              id={`parent_mode_${mode}`}
              name="parent_mode"
              value={mode}
              checked={values.mode === mode}
              onChange={() => set('mode', mode)}
            />
            <label for={`parent_mode_${mode}`}>
              {mode === 'new' ? t('students.newParent') : t('students.existingParent')}
            </label>
          </div>
        ))}
      </fieldset>
      {values.mode === 'new' ? (
        <>
          <TextField
            id="parent_first_name"
            label={t('students.parentFirst')}
            value={values.parent_first_name}
            onValue={(v) => set('parent_first_name', v)}
            autocomplete="off"
            required
            error={err('parent_first_name') ?? errors.parent}
          />
          <TextField
            id="parent_last_name"
            label={t('students.parentLast')}
            value={values.parent_last_name}
            onValue={(v) => set('parent_last_name', v)}
            autocomplete="off"
            required
            error={err('parent_last_name')}
          />
          <TextField
            id="parent_email"
            type="email"
            label={t('students.parentEmail')}
            optional
            value={values.parent_email}
            onValue={(v) => set('parent_email', v)}
            autocomplete="off"
            error={err('parent_email')}
          />
        </>
      ) : (
        <SelectField
          id="parent_id"
          label={t('students.pickParent')}
          value={values.parent_id}
          onValue={(v) => set('parent_id', v)}
          options={parentOptions}
          placeholder={parents.length ? t('students.chooseParent') : t('students.noParents')}
          required
          error={errors.parent_id ?? errors.parent}
        />
      )}
      <div class="form-end">
        <Submit busy={form.busy} label={t('students.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}
