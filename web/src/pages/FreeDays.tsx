// Free days (dni wolne): holidays, breaks and the director's days, by date. Admin, secretary and director add a
// single day or a run of days and remove them.
import { useState } from 'preact/hooks';
import { del, get, post, type FreeDay } from '../api';
import { useErrorText, useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { formatDateRange } from '../format';
import { managesCalendar } from './organisation';

function AddFreeDay({ schoolId, onCreated }: { schoolId: number; onCreated: (day: FreeDay) => void }) {
  const { t } = useApp();
  const initial = { range: false, starts_on: '', ends_on: '', name: '' };
  const form = useForm(initial);
  const { values, set, errors } = form;
  const save = form.submit(async () => {
    const body = {
      starts_on: values.starts_on,
      ends_on: values.range && values.ends_on ? values.ends_on : undefined,
      name: values.name.trim(),
    };
    const day = await post<FreeDay>(`/schools/${schoolId}/free-days`, body);
    form.reset({ ...initial, range: values.range });
    onCreated(day);
  });
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <fieldset class="radio-group wide">
        <legend>{t('freeDays.kind')}</legend>
        {([false, true] as const).map((range) => (
          <div class="radio" key={String(range)}>
            <input
              type="radio"
              id={`free_day_kind_${range ? 'range' : 'single'}`}
              name="free_day_kind"
              checked={values.range === range}
              onChange={() => set('range', range)}
            />
            <label for={`free_day_kind_${range ? 'range' : 'single'}`}>
              {range ? t('freeDays.range') : t('freeDays.single')}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="free_day_starts_on"
        type="date"
        label={values.range ? t('freeDays.from') : t('freeDays.date')}
        value={values.starts_on}
        onValue={(v) => set('starts_on', v)}
        required
        error={errors.starts_on}
      />
      {values.range && (
        <TextField
          id="free_day_ends_on"
          type="date"
          label={t('freeDays.to')}
          value={values.ends_on}
          onValue={(v) => set('ends_on', v)}
          min={values.starts_on || undefined}
          required
          error={errors.ends_on}
        />
      )}
      <TextField
        id="free_day_name"
        label={t('freeDays.name')}
        hint={t('freeDays.nameHint')}
        value={values.name}
        onValue={(v) => set('name', v)}
        autocomplete="off"
        maxLength={120}
        required
        error={errors.name}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('freeDays.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function FreeDayTable({
  items,
  manage,
  onRemove,
}: {
  items: FreeDay[];
  manage: boolean;
  onRemove: (day: FreeDay, dates: string) => void;
}) {
  const { t, lang } = useApp();
  if (items.length === 0) return <p>{t('freeDays.empty')}</p>;
  return (
    <TableRegion caption={t('freeDays.title')}>
      <table data-testid="free-days-table">
        <caption class="visually-hidden">{t('freeDays.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('freeDays.dates')}</th>
            <th scope="col">{t('freeDays.name')}</th>
            {manage && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const dates = formatDateRange(d.starts_on, d.ends_on, lang);
            return (
              <tr key={d.id}>
                <td>{dates}</td>
                <th scope="row">{d.name}</th>
                {manage && (
                  <td>
                    <button
                      type="button"
                      class="button small"
                      aria-label={t('freeDays.removeLabel', { name: d.name, dates })}
                      onClick={() => onRemove(d, dates)}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function FreeDaysPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesCalendar(me?.user.role);
  const days = useLoad(() => get<{ items: FreeDay[] }>(`/schools/${schoolId}/free-days`), [schoolId]);
  const [created, setCreated] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const errorText = useErrorText();

  const remove = async (day: FreeDay, dates: string) => {
    if (!window.confirm(t('freeDays.removeConfirm', { name: day.name, dates }))) return;
    setActionError(null);
    try {
      await del(`/schools/${schoolId}/free-days/${day.id}`);
      setRemoved(t('freeDays.removed', { name: day.name, dates }));
      days.reload();
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  return (
    <>
      <PageHeading title={t('freeDays.title')} />
      {manage && (
        <Panel id="add-free-day-heading" title={t('freeDays.add')}>
          {created && <Notice kind="success">{created}</Notice>}
          <AddFreeDay
            schoolId={schoolId}
            onCreated={(d) => {
              setCreated(t('freeDays.created', { name: d.name }));
              days.reload();
            }}
          />
        </Panel>
      )}
      <Panel id="free-day-list-heading" title={t('freeDays.title')}>
        {removed && <Notice kind="success">{removed}</Notice>}
        {actionError && <Notice kind="error">{actionError}</Notice>}
        <LoadState state={days}>
          {(data) => <FreeDayTable items={data.items} manage={manage} onRemove={(d, dates) => void remove(d, dates)} />}
        </LoadState>
      </Panel>
    </>
  );
}
