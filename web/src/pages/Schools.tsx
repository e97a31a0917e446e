// Operator: every school of the deployment, and a new school with its first administrator.
import { useState } from 'preact/hooks';
import { get, post, type School, type User } from '../api';
import { CredentialNotice, type IssuedCredential } from '../components/credentials';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import { LOCALES } from '../i18n';

interface CreateResult {
  school: School;
  admin: { user: User; activation_code: string };
}

function AddSchool({ onCreated }: { onCreated: (intro: string, items: IssuedCredential[]) => void }) {
  const { t } = useApp();
  const form = useForm({ name: '', city: '', admin_first_name: '', admin_last_name: '' });
  const { values, set, errors } = form;
  const save = form.submit(async () => {
    const r = await post<CreateResult>('/schools', {
      name: values.name.trim(),
      city: values.city.trim() || undefined,
      admin: { first_name: values.admin_first_name.trim(), last_name: values.admin_last_name.trim() },
    });
    form.reset();
    const name = `${r.admin.user.first_name} ${r.admin.user.last_name}`;
    onCreated(t('schools.created', { name: r.school.name }), [
      { heading: t('role.admin'), name, login: r.admin.user.login, code: r.admin.activation_code },
    ]);
  });
  const err = (key: string) => errors[key] ?? errors[key.replace('admin_', 'admin.')];
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="new_school_name"
        label={t('schools.name')}
        value={values.name}
        onValue={(v) => set('name', v)}
        autocomplete="off"
        required
        error={errors.name}
      />
      <TextField
        id="new_school_city"
        label={t('schools.city')}
        value={values.city}
        onValue={(v) => set('city', v)}
        autocomplete="off"
        optional
        error={errors.city}
      />
      <fieldset class="wide subgrid">
        <legend>{t('schools.admin')}</legend>
        <TextField
          id="admin_first_name"
          label={t('person.firstName')}
          value={values.admin_first_name}
          onValue={(v) => set('admin_first_name', v)}
          autocomplete="off"
          required
          error={err('admin_first_name')}
        />
        <TextField
          id="admin_last_name"
          label={t('person.lastName')}
          value={values.admin_last_name}
          onValue={(v) => set('admin_last_name', v)}
          autocomplete="off"
          required
          error={err('admin_last_name')}
        />
      </fieldset>
      <div class="form-end">
        <Submit busy={form.busy} label={t('schools.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

export function SchoolsPage() {
  const { t, lang } = useApp();
  const schools = useLoad(() => get<{ items: School[] }>('/schools'), []);
  const [issued, setIssued] = useState<{ intro: string; items: IssuedCredential[] } | null>(null);
  const day = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'Europe/Warsaw' });
  const created = (at?: string) => {
    const d = at ? new Date(at) : null;
    return d && !Number.isNaN(d.getTime()) ? day.format(d) : '—';
  };
  return (
    <>
      <PageHeading title={t('schools.title')} />
      {issued && <CredentialNotice intro={issued.intro} items={issued.items} onClose={() => setIssued(null)} />}
      <Panel id="add-school-heading" title={t('schools.add')}>
        <AddSchool
          onCreated={(intro, items) => {
            setIssued({ intro, items });
            schools.reload();
          }}
        />
      </Panel>
      <Panel id="school-list-heading" title={t('schools.title')}>
        <LoadState state={schools}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('schools.empty')}</p>
            ) : (
              <TableRegion caption={t('schools.title')}>
                <table>
                  <caption class="visually-hidden">{t('schools.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('schools.name')}</th>
                      <th scope="col">{t('schools.city')}</th>
                      <th scope="col">{t('schools.totp')}</th>
                      <th scope="col">{t('schools.createdAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{s.name}</th>
                        <td>{s.city || '—'}</td>
                        <td>{s.require_staff_totp ? t('common.yes') : t('common.no')}</td>
                        <td>{created(s.created_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )
          }
        </LoadState>
      </Panel>
    </>
  );
}
