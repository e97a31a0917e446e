// The bell schedule: lessons 0–10 with their start and end (HH:MM). Admin and secretary edit the table (add and
// remove rows) and save it whole; the API's per-lesson problems ("lessons.<number>") show under their rows.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { get, post, type BellLesson } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { managesOrganisation } from './organisation';

const LAST_LESSON = 10;

/** One editable row; `key` keeps a row's inputs stable while numbers are edited. */
interface Row {
  key: number;
  number: string;
  starts_at: string;
  ends_at: string;
}

let nextKey = 1;
const toRows = (lessons: BellLesson[]): Row[] =>
  lessons.map((l) => ({ key: nextKey++, number: String(l.number), starts_at: l.starts_at, ends_at: l.ends_at }));

/** "08:45" plus minutes, kept within the day. */
function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  if (Number.isNaN(h) || Number.isNaN(m)) return '';
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A new row after the last one: the next free number, 10 minutes' break, a 45-minute lesson. */
function newRow(rows: Row[]): Row | null {
  const used = new Set(rows.map((r) => Number(r.number)));
  const highest = rows.reduce((max, r) => Math.max(max, Number(r.number) || 0), -1);
  let number = highest + 1;
  if (number > LAST_LESSON || used.has(number)) {
    number = [...Array(LAST_LESSON + 1).keys()].find((n) => !used.has(n)) ?? -1;
  }
  if (number < 0) return null;
  const last = rows[rows.length - 1];
  const starts_at = last?.ends_at ? addMinutes(last.ends_at, 10) : '08:00';
  return { key: nextKey++, number: String(number), starts_at, ends_at: starts_at ? addMinutes(starts_at, 45) : '' };
}

function ReadOnlySchedule({ lessons }: { lessons: BellLesson[] }) {
  const { t } = useApp();
  if (lessons.length === 0) return <p>{t('bells.empty')}</p>;
  return (
    <TableRegion caption={t('bells.title')}>
      <table class="compact" data-testid="bells-table">
        <caption class="visually-hidden">{t('bells.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bells.number')}</th>
            <th scope="col">{t('bells.start')}</th>
            <th scope="col">{t('bells.end')}</th>
          </tr>
        </thead>
        <tbody>
          {lessons.map((l) => (
            <tr key={l.number}>
              <th scope="row">{l.number}</th>
              <td>{l.starts_at}</td>
              <td>{l.ends_at}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function ScheduleEditor({ schoolId, lessons }: { schoolId: number; lessons: BellLesson[] }) {
  const { t } = useApp();
  const form = useForm({ rows: toRows(lessons) });
  const rows = form.values.rows;
  const [saved, setSaved] = useState(false);

  const update = (key: number, change: Partial<Row>) =>
    form.set(
      'rows',
      rows.map((r) => (r.key === key ? { ...r, ...change } : r)),
    );
  const add = () => {
    const row = newRow(rows);
    if (!row) return;
    form.set('rows', [...rows, row]);
    requestAnimationFrame(() => document.getElementById(`bell-start-${row.key}`)?.focus());
  };
  const remove = (key: number) => {
    form.set(
      'rows',
      rows.filter((r) => r.key !== key),
    );
    requestAnimationFrame(() => document.getElementById('bells-add')?.focus());
  };

  const save = form.submit(async () => {
    setSaved(false);
    const lessons = [...rows]
      .sort((a, b) => Number(a.number) - Number(b.number))
      .map((r) => ({ number: r.number === '' ? null : Number(r.number), starts_at: r.starts_at, ends_at: r.ends_at }));
    const result = await post<{ lessons: BellLesson[] }>(`/schools/${schoolId}/bell-schedule`, { lessons });
    form.reset({ rows: toRows(result.lessons) });
    setSaved(true);
  });

  // Problems the API tied to a lesson go under its row; any other problem is listed above the table.
  const rowError = (r: Row) => (r.number === '' ? undefined : form.errors[`lessons.${r.number}`]);
  const numbers = new Set(rows.map((r) => `lessons.${r.number}`));
  const other = Object.entries(form.errors).filter(([field]) => !numbers.has(field));
  const full = newRow(rows) === null;

  return (
    <form class="form" ref={form.formRef} onSubmit={save} noValidate>
      {saved && <Notice kind="success">{t('bells.saved')}</Notice>}
      {form.error && (
        <Notice kind="error">
          <p>{form.error}</p>
          {other.length > 0 && (
            <ul>
              {other.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      <p class="hint">{t('bells.hint')}</p>
      <TableRegion caption={t('bells.title')}>
        <table class="compact bell-table" data-testid="bells-table">
          <caption class="visually-hidden">{t('bells.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bells.number')}</th>
              <th scope="col">{t('bells.start')}</th>
              <th scope="col">{t('bells.end')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const error = rowError(r);
              const errorId = error ? `bell-error-${r.key}` : undefined;
              const n = r.number === '' ? String(i + 1) : r.number;
              const invalid = error ? 'true' : undefined;
              return (
                <Fragment key={r.key}>
                  <tr class={error ? 'has-error' : undefined}>
                    <td>
                      <label class="visually-hidden" for={`bell-number-${r.key}`}>
                        {t('bells.numberLabel', { row: i + 1 })}
                      </label>
                      <input
                        id={`bell-number-${r.key}`}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={LAST_LESSON}
                        value={r.number}
                        onInput={(e) => update(r.key, { number: e.currentTarget.value })}
                        required
                        aria-invalid={invalid}
                        aria-describedby={errorId}
                      />
                    </td>
                    <td>
                      <label class="visually-hidden" for={`bell-start-${r.key}`}>
                        {t('bells.startLabel', { n })}
                      </label>
                      <input
                        id={`bell-start-${r.key}`}
                        type="time"
                        value={r.starts_at}
                        onInput={(e) => update(r.key, { starts_at: e.currentTarget.value })}
                        required
                        aria-invalid={invalid}
                        aria-describedby={errorId}
                      />
                    </td>
                    <td>
                      <label class="visually-hidden" for={`bell-end-${r.key}`}>
                        {t('bells.endLabel', { n })}
                      </label>
                      <input
                        id={`bell-end-${r.key}`}
                        type="time"
                        value={r.ends_at}
                        onInput={(e) => update(r.key, { ends_at: e.currentTarget.value })}
                        required
                        aria-invalid={invalid}
                        aria-describedby={errorId}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="button small"
                        aria-label={t('bells.removeLabel', { n })}
                        onClick={() => remove(r.key)}
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  </tr>
                  {error && (
                    <tr class="row-error">
                      <td colSpan={4}>
                        <p class="field-error" id={errorId} role="alert">
                          {t('bells.rowError', { n, message: error })}
                        </p>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      <div class="actions">
        <button type="button" class="button" id="bells-add" onClick={add} aria-disabled={full ? 'true' : undefined}>
          {t('bells.add')}
        </button>
        <Submit busy={form.busy} label={t('bells.save')} busyLabel={t('common.saving')} />
      </div>
      {full && <p class="hint">{t('bells.full')}</p>}
    </form>
  );
}

export function BellSchedulePage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesOrganisation(me?.user.role);
  const schedule = useLoad(() => get<{ lessons: BellLesson[] }>(`/schools/${schoolId}/bell-schedule`), [schoolId]);
  return (
    <>
      <PageHeading title={t('bells.title')} />
      <Panel id="bells-heading" title={t('bells.lessons')}>
        <LoadState state={schedule}>
          {(data) =>
            manage ? (
              <ScheduleEditor schoolId={schoolId} lessons={data.lessons} />
            ) : (
              <ReadOnlySchedule lessons={data.lessons} />
            )
          }
        </LoadState>
      </Panel>
    </>
  );
}
