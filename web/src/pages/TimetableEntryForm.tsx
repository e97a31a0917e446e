// Adding one weekly lesson to a slot of a class's plan (admin, secretary): which assignment, in which room, from when
// and until when. A clash is the server's to find: its message shows at the field it concerns, the form kept as typed.
import { useEffect } from 'preact/hooks';
import { post, type Assignment, type PlanEntry, type Room, type SchoolClass } from '../api';
import { useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { useApp } from '../context';
import { byPolish, fullName } from '../format';
import { Link } from '../router';

/** A lesson of the week: 1 = Monday … 6 = Saturday, and the lesson's number in the bell schedule. */
export interface Slot {
  weekday: number;
  lesson: number;
}

/** "Język angielski (ang gr. 1) — Ewa Zielińska": how the form offers an assignment. */
const assignmentLabel = (a: Assignment) =>
  `${a.subject.name}${a.group_name ? ` (${a.group_name})` : ''} — ${fullName(a.teacher)}`;

interface Props {
  schoolId: number;
  cls: SchoolClass;
  slot: Slot;
  /** The first day the new lesson is in force unless the user changes it. */
  validFrom: string;
  assignments: Assignment[];
  rooms: Room[];
  onSaved: (entry: PlanEntry) => void;
  onCancel: () => void;
}

export function TimetableEntryForm({ schoolId, cls, slot, validFrom, assignments, rooms, onSaved, onCancel }: Props) {
  const { t } = useApp();
  const form = useForm({ assignment_id: '', room_id: '', valid_from: validFrom, valid_to: '', online_link: '' });
  const { values, set, errors } = form;

  useEffect(() => {
    // The first field; with no assignments to choose from, the way back.
    (document.getElementById('entry_assignment') ?? document.getElementById('entry_cancel'))?.focus();
  }, []);

  const save = form.submit(
    async () => {
      const entry = await post<PlanEntry>(`/schools/${schoolId}/timetable`, {
        assignment_id: Number(values.assignment_id) || undefined,
        weekday: slot.weekday,
        lesson_number: slot.lesson,
        room_id: values.room_id ? Number(values.room_id) : null,
        valid_from: values.valid_from,
        valid_to: values.valid_to || null,
        online_link: values.online_link.trim() || null,
      });
      onSaved(entry);
    },
    // The teacher and the students come with the assignment; the room is its own field.
    { clash_teacher: 'assignment_id', clash_students: 'assignment_id', clash_room: 'room_id' },
  );

  if (assignments.length === 0) {
    return (
      <>
        <p>{t('timetable.noAssignments', { name: cls.name })}</p>
        <p class="actions">
          <Link href={`/admin/assignments?class_id=${cls.id}`}>{t('timetable.toAssignments', { name: cls.name })}</Link>
          <button type="button" class="button" id="entry_cancel" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </p>
      </>
    );
  }

  const options = [...assignments]
    .sort((a, b) => byPolish(assignmentLabel(a), assignmentLabel(b)))
    .map((a) => ({ value: String(a.id), label: assignmentLabel(a) }));
  return (
    <form
      class="form grid-form"
      ref={form.formRef}
      onSubmit={save}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <SelectField
        id="entry_assignment"
        label={t('timetable.assignment')}
        hint={t('timetable.assignmentHint', { name: cls.name })}
        value={values.assignment_id}
        onValue={(v) => set('assignment_id', v)}
        options={options}
        placeholder={t('timetable.chooseAssignment')}
        required
        error={errors.assignment_id}
      />
      <SelectField
        id="entry_room"
        label={t('timetable.room')}
        value={values.room_id}
        onValue={(v) => set('room_id', v)}
        options={rooms.map((r) => ({ value: String(r.id), label: r.name }))}
        placeholder={t('timetable.noRoom')}
        optional
        error={errors.room_id}
      />
      <TextField
        id="entry_valid_from"
        type="date"
        label={t('timetable.validFrom')}
        value={values.valid_from}
        onValue={(v) => set('valid_from', v)}
        required
        error={errors.valid_from}
      />
      <TextField
        id="entry_valid_to"
        type="date"
        label={t('timetable.validTo')}
        hint={t('timetable.validToHint')}
        value={values.valid_to}
        onValue={(v) => set('valid_to', v)}
        min={values.valid_from || undefined}
        optional
        error={errors.valid_to}
      />
      <TextField
        id="entry_online_link"
        type="url"
        label={t('timetable.link')}
        hint={t('timetable.linkHint')}
        value={values.online_link}
        onValue={(v) => set('online_link', v)}
        autocomplete="off"
        spellcheck={false}
        maxLength={500}
        optional
        error={errors.online_link}
      />
      <div class="form-end actions">
        <Submit busy={form.busy} label={t('timetable.save')} busyLabel={t('common.saving')} />
        <button type="button" class="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
