// Homework on a lesson's page: what of the lesson's teaching assignment is due on the lesson's day and what was set on
// it, each with its files; the teacher sets new homework (due date, text, files handed out), changes or deletes it.
import { useEffect, useState } from 'preact/hooks';
import { del, patch, post, type Attachment, type LessonDetail } from '../api';
import type { Homework } from '../communication/types';
import { AttachmentLinks, AttachmentPicker } from '../components/Attachments';
import { Notice, Submit, TextAreaField, TextField } from '../components/fields';
import { useErrorText, useForm } from '../components/form';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { addDays, formatDate, formatDayLong, fullName } from '../format';

/** The days after the lesson that new homework is due by default: the same lesson next week. */
const DEFAULT_DAYS = 7;

function HomeworkForm({
  lesson,
  homework,
  onSaved,
  onCancel,
}: {
  lesson: LessonDetail;
  /** The homework changed; absent for new homework. */
  homework?: Homework;
  onSaved: (saved: Homework) => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const form = useForm({
    due_on: homework?.due_on ?? addDays(lesson.date, DEFAULT_DAYS),
    text: homework?.text ?? '',
    attachments: homework?.attachments ?? ([] as Attachment[]),
  });
  const { values, set, errors } = form;
  useEffect(() => document.getElementById('homework_due_on')?.focus(), []);
  const save = form.submit(async () => {
    const body = { due_on: values.due_on, text: values.text, attachment_ids: values.attachments.map((a) => a.id) };
    onSaved(
      homework
        ? await patch<Homework>(`/homework/${homework.id}`, body)
        : await post<Homework>('/homework', { ...body, assignment_id: lesson.assignment_id, set_on: lesson.date }),
    );
  });
  return (
    <section class="editor" aria-labelledby="homework-form-heading">
      <h3 id="homework-form-heading">{homework ? t('homework.editTitle') : t('homework.newTitle')}</h3>
      <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
        {form.error && <Notice kind="error">{form.error}</Notice>}
        <TextField
          id="homework_due_on"
          type="date"
          label={t('homework.dueOn')}
          min={homework?.set_on ?? lesson.date}
          value={values.due_on}
          onValue={(v) => set('due_on', v)}
          required
          error={errors.due_on}
        />
        <div class="wide">
          <TextAreaField
            id="homework_text"
            label={t('homework.text')}
            value={values.text}
            onValue={(v) => set('text', v)}
            maxLength={4000}
            rows={4}
            required
            error={errors.text}
          />
        </div>
        <div class="wide">
          <AttachmentPicker
            id="homework_files"
            label={t('homework.files')}
            value={values.attachments}
            onValue={(files) => set('attachments', files)}
            error={errors.attachment_ids}
          />
        </div>
        <div class="form-end actions">
          <Submit busy={form.busy} label={t('homework.save')} busyLabel={t('common.saving')} />
          <button type="button" class="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function HomeworkCard({
  homework,
  editable,
  onEdit,
  onDeleted,
}: {
  homework: Homework;
  editable: boolean;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t, lang } = useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const due = formatDate(homework.due_on, lang);
  const remove = async () => {
    if (!window.confirm(t('homework.deleteConfirm', { date: due, text: homework.text }))) return;
    setError(null);
    try {
      await del(`/homework/${homework.id}`);
      onDeleted();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li class="card homework-card" data-homework={homework.id}>
      <p class="homework-due">{t('planner.due', { date: formatDayLong(homework.due_on, lang) })}</p>
      <p class="message-body">{homework.text}</p>
      <AttachmentLinks items={homework.attachments} />
      <p class="muted">
        {t('planner.setBy', { name: fullName(homework.teacher), date: formatDate(homework.set_on, lang) })}
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      {editable && (
        <div class="actions">
          <button
            type="button"
            class="button small"
            id={`homework-edit-${homework.id}`}
            aria-label={t('homework.editLabel', { date: due })}
            onClick={onEdit}
          >
            {t('common.edit')}
          </button>
          <button
            type="button"
            class="button small danger"
            aria-label={t('homework.deleteLabel', { date: due })}
            onClick={() => void remove()}
          >
            {t('common.remove')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The lesson's homework, kept here as the answers to saving and deleting come back. */
export function LessonHomework({ lesson }: { lesson: LessonDetail }) {
  const { t, lang, me } = useApp();
  const [items, setItems] = useState<Homework[]>(() => {
    const all = [...lesson.homework.due, ...lesson.homework.set];
    return all.filter((h, i) => all.findIndex((x) => x.id === h.id) === i);
  });
  const [editing, setEditing] = useState<Homework | 'new' | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const teaches = me?.user.role === 'teacher';
  const close = (focus: string) => {
    setEditing(null);
    // Changed homework may leave both lists (a new due date): focus then goes to "set homework".
    requestAnimationFrame(() => (document.getElementById(focus) ?? document.getElementById('homework-add'))?.focus());
  };
  const lists = [
    {
      key: 'due',
      title: t('homework.dueToday'),
      empty: t('homework.noneDue'),
      items: items.filter((h) => h.due_on === lesson.date),
    },
    {
      key: 'set',
      title: t('homework.setToday'),
      empty: t('homework.noneSet'),
      items: items.filter((h) => h.set_on === lesson.date),
    },
  ];

  return (
    <Panel id="homework-heading" title={t('homework.title')}>
      {flash && <Notice kind="success">{flash}</Notice>}
      {lists.map((list) => (
        <section key={list.key} aria-labelledby={`homework-${list.key}`} class="subsection">
          <h3 id={`homework-${list.key}`}>{list.title}</h3>
          {list.items.length === 0 ? (
            <p class="muted">{list.empty}</p>
          ) : (
            <ul class="plain homework-list" data-testid={`homework-${list.key}`}>
              {list.items.map((h) => (
                <HomeworkCard
                  key={h.id}
                  homework={h}
                  editable={teaches && h.teacher.id === me?.user.id}
                  onEdit={() => {
                    setFlash(null);
                    setEditing(h);
                  }}
                  onDeleted={() => {
                    setItems((all) => all.filter((x) => x.id !== h.id));
                    setFlash(t('homework.deleted', { date: formatDate(h.due_on, lang) }));
                    requestAnimationFrame(() => document.getElementById('homework-add')?.focus());
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      {editing ? (
        <HomeworkForm
          key={editing === 'new' ? 'new' : editing.id}
          lesson={lesson}
          homework={editing === 'new' ? undefined : editing}
          onSaved={(saved) => {
            setItems((all) => [...all.filter((x) => x.id !== saved.id), saved]);
            setFlash(t('homework.saved', { date: formatDate(saved.due_on, lang) }));
            close(editing === 'new' ? 'homework-add' : `homework-edit-${saved.id}`);
          }}
          onCancel={() => close(editing === 'new' ? 'homework-add' : `homework-edit-${editing.id}`)}
        />
      ) : (
        teaches && (
          <p>
            <button
              type="button"
              class="button primary"
              id="homework-add"
              onClick={() => {
                setFlash(null);
                setEditing('new');
              }}
            >
              <span aria-hidden="true">+ </span>
              {t('homework.add')}
            </button>
          </p>
        )
      )}
    </Panel>
  );
}
