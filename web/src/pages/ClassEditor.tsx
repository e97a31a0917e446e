// Changing one class (admin, secretary): its name and its homeroom teacher (wychowawca), chosen among the teachers.
import { useEffect } from 'preact/hooks';
import { patch, type SchoolClass, type User } from '../api';
import { useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { useApp } from '../context';
import { listName } from '../format';

interface Props {
  schoolId: number;
  cls: SchoolClass;
  teachers: User[];
  onSaved: (saved: SchoolClass) => void;
  onCancel: () => void;
}

export function ClassEditor({ schoolId, cls, teachers, onSaved, onCancel }: Props) {
  const { t } = useApp();
  const form = useForm({ name: cls.name, homeroom: cls.homeroom_teacher ? String(cls.homeroom_teacher.id) : '' });
  const { values, set, errors } = form;

  useEffect(() => {
    document.getElementById('class_edit_name')?.focus();
  }, []);

  const save = form.submit(
    async () => {
      const saved = await patch<SchoolClass>(`/schools/${schoolId}/classes/${cls.id}`, {
        name: values.name.trim(),
        homeroom_teacher_id: values.homeroom ? Number(values.homeroom) : null,
      });
      onSaved(saved);
    },
    { duplicate_class: 'name' },
  );

  // The current homeroom teacher stays choosable even if no longer listed (e.g. a disabled account).
  const current = cls.homeroom_teacher;
  const people = current && !teachers.some((u) => u.id === current.id) ? [current, ...teachers] : teachers;
  const options = people.map((u) => ({ value: String(u.id), label: listName(u) }));
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="class_edit_name"
        label={t('classes.name')}
        value={values.name}
        onValue={(v) => set('name', v)}
        autocomplete="off"
        spellcheck={false}
        maxLength={20}
        required
        error={errors.name}
      />
      <SelectField
        id="class_edit_homeroom"
        label={t('classes.homeroom')}
        value={values.homeroom}
        onValue={(v) => set('homeroom', v)}
        options={options}
        placeholder={t('classes.noHomeroom')}
        optional
        error={errors.homeroom_teacher_id}
      />
      <div class="form-end actions">
        <Submit busy={form.busy} label={t('common.save')} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
