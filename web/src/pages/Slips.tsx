// Printable first sign-in slips for a class. The slips themselves are always in Polish: they go home
// on paper to families, whatever language the office uses on screen.
import { useEffect, useState } from 'preact/hooks';
import { post, query, type Slip, type SlipBatch } from '../api';
import { useForm } from '../components/form';
import { Notice, SelectField, Submit } from '../components/fields';
import { LoadState, PageHeading, Panel } from '../components/page';
import { useApp } from '../context';
import { navigate, useLocation } from '../router';
import { useClasses } from './Classes';

const SLIP_TEXT = {
  title: 'Kreda — dane do pierwszego logowania',
  school: 'Szkoła',
  person: 'Imię i nazwisko',
  role: 'Konto',
  parent: 'Rodzic',
  student: 'Uczeń',
  child: 'Dziecko',
  className: 'Klasa',
  login: 'Login',
  code: 'Jednorazowy kod',
  address: 'Adres logowania',
  firstSignIn: 'Przy pierwszym logowaniu ustawisz własne hasło.',
  keep: 'Kod działa tylko raz. Nie przekazuj go innym osobom.',
};

function SlipCard({ slip, batch }: { slip: Slip; batch: SlipBatch }) {
  const s = SLIP_TEXT;
  return (
    <li class="slip" lang="pl" data-testid="slip">
      <p class="slip-title">{s.title}</p>
      <dl>
        <dt>{s.school}</dt>
        <dd>{batch.school_name}</dd>
        <dt>{s.person}</dt>
        <dd>
          {slip.first_name} {slip.last_name}
        </dd>
        <dt>{s.role}</dt>
        <dd>{slip.role === 'parent' ? s.parent : s.student}</dd>
        {slip.role === 'parent' && slip.student_name && (
          <>
            <dt>{s.child}</dt>
            <dd>{slip.student_name}</dd>
          </>
        )}
        <dt>{s.className}</dt>
        <dd>{batch.class_name}</dd>
        <dt>{s.login}</dt>
        <dd>
          <code class="slip-login">{slip.login}</code>
        </dd>
        <dt>{s.code}</dt>
        <dd>
          <code class="slip-code" data-testid="slip-code">
            {slip.activation_code}
          </code>
        </dd>
        <dt>{s.address}</dt>
        <dd>{batch.sign_in_url}</dd>
      </dl>
      <p class="slip-note">
        <strong>{s.firstSignIn}</strong> {s.keep}
      </p>
    </li>
  );
}

export function SlipsPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const { search } = useLocation();
  const classes = useClasses(schoolId);
  const form = useForm({ class_id: search.get('class_id') ?? '' });
  const [batch, setBatch] = useState<SlipBatch | null>(null);

  // Slips belong to one class: choosing another clears the ones on screen.
  useEffect(() => setBatch(null), [form.values.class_id]);

  const generate = form.submit(async () => {
    const classId = Number(form.values.class_id);
    if (!classId) {
      form.setErrors({ class_id: t('students.chooseClass') });
      return;
    }
    navigate(`/admin/slips${query({ class_id: classId })}`, true);
    setBatch(await post<SlipBatch>(`/schools/${schoolId}/credentials`, { class_id: classId }));
  });

  return (
    <>
      <div class="no-print">
        <PageHeading title={t('slips.title')} />
        <Panel id="slips-form-heading" title={t('slips.generate')}>
          <p>{t('slips.intro')}</p>
          <LoadState state={classes}>
            {(items) => (
              <form class="form inline-form" ref={form.formRef} onSubmit={generate} noValidate>
                {form.error && <Notice kind="error">{form.error}</Notice>}
                <SelectField
                  id="slips_class"
                  label={t('slips.class')}
                  value={form.values.class_id}
                  onValue={(v) => form.set('class_id', v)}
                  options={items.map((c) => ({ value: String(c.id), label: c.name }))}
                  placeholder={t('students.chooseClass')}
                  required
                  error={form.errors.class_id}
                />
                <div class="form-end">
                  <Submit busy={form.busy} label={t('slips.generate')} busyLabel={t('slips.busy')} />
                </div>
              </form>
            )}
          </LoadState>
        </Panel>
      </div>
      {batch && (
        <section class="slips-result" aria-labelledby="slips-list-heading">
          <div class="no-print">
            <h2 id="slips-list-heading">{t('slips.list')}</h2>
            {batch.slips.length === 0 ? (
              <Notice kind="info">{t('slips.none')}</Notice>
            ) : (
              <Notice kind="success">
                {t('slips.count', { name: batch.class_name, n: batch.slips.length })}{' '}
                <button type="button" class="button primary" onClick={() => window.print()}>
                  {t('common.print')}
                </button>
              </Notice>
            )}
          </div>
          <ul class="slips">
            {batch.slips.map((slip) => (
              <SlipCard key={slip.user_id} slip={slip} batch={batch} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
