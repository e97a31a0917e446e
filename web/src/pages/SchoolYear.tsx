// School years and their two terms (okresy): the list, newest first, and a form to add a year
// (admin, secretary and director).
import { useState } from 'preact/hooks';
import { get, post, type SchoolYear } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { formatDateRange } from '../format';
import { managesCalendar } from './organisation';

function AddYear({ schoolId, onCreated }: { schoolId: number; onCreated: (year: SchoolYear) => void }) {
  const { t } = useApp();
  const initial = { year_name: '', starts_on: '', second_term_starts_on: '', ends_on: '' };
  const form = useForm(initial);
  const { values, set, errors } = form;
  const save = form.submit(
    async () => {
      const year = await post<SchoolYear>(`/schools/${schoolId}/terms`, {
        ...values,
        year_name: values.year_name.trim(),
      });
      form.reset();
      onCreated(year);
    },
    // A clash with another year: the name when it is taken, the dates when they overlap.
    { duplicate_year: 'year_name', overlapping_year: 'starts_on' },
  );
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="year_name"
        label={t('year.name')}
        hint={t('year.nameHint')}
        value={values.year_name}
        onValue={(v) => set('year_name', v)}
        autocomplete="off"
        spellcheck={false}
        maxLength={20}
        required
        error={errors.year_name}
      />
      <TextField
        id="year_starts_on"
        type="date"
        label={t('year.startsOn')}
        value={values.starts_on}
        onValue={(v) => set('starts_on', v)}
        required
        error={errors.starts_on}
      />
      <TextField
        id="year_second_term"
        type="date"
        label={t('year.secondTerm')}
        hint={t('year.secondTermHint')}
        value={values.second_term_starts_on}
        onValue={(v) => set('second_term_starts_on', v)}
        min={values.starts_on || undefined}
        max={values.ends_on || undefined}
        required
        error={errors.second_term_starts_on}
      />
      <TextField
        id="year_ends_on"
        type="date"
        label={t('year.endsOn')}
        value={values.ends_on}
        onValue={(v) => set('ends_on', v)}
        min={values.starts_on || undefined}
        required
        error={errors.ends_on}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('year.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function YearTable({ items }: { items: SchoolYear[] }) {
  const { t, lang } = useApp();
  if (items.length === 0) return <p>{t('year.empty')}</p>;
  const term = (y: SchoolYear, n: 1 | 2) => {
    const found = y.terms.find((x) => x.number === n);
    return found ? formatDateRange(found.starts_on, found.ends_on, lang) : '';
  };
  return (
    <TableRegion caption={t('year.list')}>
      <table data-testid="years-table">
        <caption class="visually-hidden">{t('year.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('year.name')}</th>
            <th scope="col">{t('year.whole')}</th>
            <th scope="col">{t('year.term1')}</th>
            <th scope="col">{t('year.term2')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((y) => (
            <tr key={y.id}>
              <th scope="row">{y.name}</th>
              <td>{formatDateRange(y.starts_on, y.ends_on, lang)}</td>
              <td>{term(y, 1)}</td>
              <td>{term(y, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function SchoolYearPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = managesCalendar(me?.user.role);
  const years = useLoad(() => get<{ items: SchoolYear[] }>(`/schools/${schoolId}/terms`), [schoolId]);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('year.title')} />
      {manage && (
        <Panel id="add-year-heading" title={t('year.add')}>
          <p class="hint">{t('year.intro')}</p>
          {created && <Notice kind="success">{t('year.created', { name: created })}</Notice>}
          <AddYear
            schoolId={schoolId}
            onCreated={(y) => {
              setCreated(y.name);
              years.reload();
            }}
          />
        </Panel>
      )}
      <Panel id="year-list-heading" title={t('year.list')}>
        <LoadState state={years}>{(data) => <YearTable items={data.items} />}</LoadState>
      </Panel>
    </>
  );
}
