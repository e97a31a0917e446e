// Notes (uwagi) about a class's pupils. A teacher, the director or the pedagogue writes one about a pupil of the class
// chosen; the homeroom teacher, the office and the pedagogue read all of the class's notes, whoever wrote them, and
// may narrow them to one pupil. Each kind is told by its sign and name, not by colour alone.
import { useState } from 'preact/hooks';
import { get, type Role, type SchoolClass, type Student } from '../api';
import { NOTE_KINDS, NOTE_SIGNS, NoteCard } from '../communication/terminarz';
import type { ClassNotes } from '../communication/types';
import { Notice, SelectField } from '../components/fields';
import { LoadState, PageHeading, Panel, useLoad } from '../components/page';
import { useApp } from '../context';
import { fullName } from '../format';
import type { MessageKey } from '../i18n';
import { useLocation } from '../router';
import { ClassPicker, OFFICE, useChosenClass } from './classChoice';
import { NoteForm } from './NoteForm';
import { studentLabel, useClassStudents, useClassesOf } from './organisation';

const PATH = '/teacher/notes';
/** Who writes notes (docs/openapi.yaml, createNote); the admin and the secretary only read them. */
const WRITERS: Role[] = ['teacher', 'director', 'pedagogue'];
/** Who reads every class's notes; a teacher reads those of the class they lead. */
const READERS: Role[] = [...OFFICE, 'pedagogue'];

function NoteList({ notes, students }: { notes: ClassNotes; students: Student[] }) {
  const { t } = useApp();
  const [pupil, setPupil] = useState('');
  const byId = new Map(students.map((s) => [s.id, s]));
  const shown = notes.items.filter((n) => !pupil || String(n.student_id) === pupil);
  const counts = NOTE_KINDS.map((k) => ({ kind: k, n: shown.filter((n) => n.kind === k).length }));
  if (notes.items.length === 0) return <p>{t('notes.none')}</p>;
  return (
    <>
      <div class="filter-bar">
        <SelectField
          id="notes_pupil"
          label={t('notes.filter')}
          value={pupil}
          onValue={setPupil}
          placeholder={t('notes.everyone')}
          options={students
            .filter((s) => notes.items.some((n) => n.student_id === s.id))
            .map((s) => ({ value: String(s.id), label: studentLabel(s) }))}
        />
      </div>
      <ul class="plain counts note-counts" aria-live="polite">
        {counts.map((c) => (
          <li key={c.kind}>
            <span aria-hidden="true">{NOTE_SIGNS[c.kind]} </span>
            {t(`notes.count.${c.kind}` as MessageKey, { n: c.n })}
          </li>
        ))}
      </ul>
      <ul class="plain note-list" data-testid="class-notes">
        {shown.map((n) => {
          const s = byId.get(n.student_id);
          return <NoteCard key={n.id} note={n} about={s ? fullName(s) : t('notes.formerPupil')} />;
        })}
      </ul>
    </>
  );
}

function NotesOfClass({ klass }: { klass: SchoolClass }) {
  const { t, me } = useApp();
  const { search } = useLocation();
  const role = me!.user.role;
  const readsAll = READERS.includes(role) || klass.homeroom_teacher?.id === me!.user.id;
  const students = useClassStudents(me!.school!.id, String(klass.id));
  const notes = useLoad(
    () => (readsAll ? get<ClassNotes>(`/classes/${klass.id}/notes`) : Promise.resolve(null)),
    [klass.id, readsAll],
  );
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      {WRITERS.includes(role) && (
        <Panel id="note-form-heading" title={t('notes.write', { name: klass.name })}>
          {saved && <Notice kind="success">{saved}</Notice>}
          <LoadState state={students}>
            {(list) => (
              <NoteForm
                students={list}
                student={Number(search.get('student')) || undefined}
                onSaved={(note, pupil) => {
                  setSaved(
                    t('notes.saved', { kind: t(`planner.note.${note.kind}` as MessageKey), name: fullName(pupil) }),
                  );
                  notes.reload();
                }}
              />
            )}
          </LoadState>
        </Panel>
      )}
      <Panel id="class-notes-heading" title={t('notes.ofClass', { name: klass.name })}>
        {readsAll ? (
          <LoadState state={students}>
            {(list) => (
              <LoadState state={notes}>{(data) => data && <NoteList notes={data} students={list} />}</LoadState>
            )}
          </LoadState>
        ) : (
          <p>{t('notes.homeroomOnly')}</p>
        )}
      </Panel>
    </>
  );
}

export function ClassNotesPage() {
  const { t, me } = useApp();
  const classes = useClassesOf(me!.school!.id, me!.user.id, READERS.includes(me!.user.role));
  const chosen = useChosenClass(classes.data?.mine ?? []);
  return (
    <>
      <PageHeading title={t('nav.classNotes')} />
      <LoadState state={classes}>
        {(c) =>
          !chosen ? (
            <p>{t('classPlanner.noClasses')}</p>
          ) : (
            <>
              <ClassPicker id="notes_class" path={PATH} classes={c.mine} />
              <NotesOfClass key={chosen.id} klass={chosen} />
            </>
          )
        }
      </LoadState>
    </>
  );
}
