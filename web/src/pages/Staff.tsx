// Staff: list, add (role select; shows login + one-time code), enable/disable, issue a new code.
import { useState } from 'preact/hooks';
import { get, patch, post, STAFF_ROLES, type User } from '../api';
import { CredentialNotice, type IssuedCredential } from '../components/credentials';
import { useErrorText, useForm } from '../components/form';
import { Notice, SelectField, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, Panel, TableRegion, useLoad } from '../components/page';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';

interface Issued {
  intro: string;
  items: IssuedCredential[];
}

const fullName = (u: { first_name: string; last_name: string }) => `${u.first_name} ${u.last_name}`;

function AddStaff({ schoolId, onCreated }: { schoolId: number; onCreated: (issued: Issued) => void }) {
  const { t } = useApp();
  const form = useForm({ first_name: '', last_name: '', role: 'teacher', email: '' });
  const { values, set, errors } = form;
  const save = form.submit(async () => {
    const body = { ...values, email: values.email.trim() || undefined };
    const result = await post<{ user: User; activation_code: string }>(`/schools/${schoolId}/users`, body);
    form.reset();
    const name = fullName(result.user);
    onCreated({
      intro: t('cred.created', { name }),
      items: [
        {
          heading: t(`role.${result.user.role}` as MessageKey),
          name,
          login: result.user.login,
          code: result.activation_code,
        },
      ],
    });
  });
  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
  return (
    <form class="form grid-form" ref={form.formRef} onSubmit={save} noValidate>
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="staff_first_name"
        label={t('person.firstName')}
        value={values.first_name}
        onValue={(v) => set('first_name', v)}
        autocomplete="off"
        required
        error={errors.first_name}
      />
      <TextField
        id="staff_last_name"
        label={t('person.lastName')}
        value={values.last_name}
        onValue={(v) => set('last_name', v)}
        autocomplete="off"
        required
        error={errors.last_name}
      />
      <SelectField
        id="staff_role"
        label={t('person.role')}
        value={values.role}
        onValue={(v) => set('role', v)}
        options={roleOptions}
        required
        error={errors.role}
      />
      <TextField
        id="staff_email"
        type="email"
        label={t('person.email')}
        optional
        value={values.email}
        onValue={(v) => set('email', v)}
        autocomplete="off"
        error={errors.email}
      />
      <div class="form-end">
        <Submit busy={form.busy} label={t('staff.add')} busyLabel={t('common.saving')} />
      </div>
    </form>
  );
}

function StaffRow({
  user,
  schoolId,
  manage,
  onChanged,
  onIssued,
  onError,
}: {
  user: User;
  schoolId: number;
  manage: boolean;
  onChanged: () => void;
  onIssued: (i: Issued) => void;
  onError: (e: unknown) => void;
}) {
  const { t, me } = useApp();
  const name = fullName(user);
  const active = user.active !== false;
  const toggle = async () => {
    try {
      await patch(`/schools/${schoolId}/users/${user.id}`, { active: !active });
      onChanged();
    } catch (e) {
      onError(e);
    }
  };
  const reset = async () => {
    if (!window.confirm(t('staff.resetConfirm', { name }))) return;
    try {
      const r = await post<{ user: User; activation_code: string }>(`/schools/${schoolId}/users/${user.id}/reset`);
      onIssued({
        intro: t('cred.reset', { name }),
        items: [{ heading: t(`role.${user.role}` as MessageKey), name, login: r.user.login, code: r.activation_code }],
      });
      onChanged();
    } catch (e) {
      onError(e);
    }
  };
  const self = me?.user.id === user.id;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <code>{user.login}</code>
      </td>
      <td>{t(`role.${user.role}` as MessageKey)}</td>
      <td>
        <span class={`badge ${active ? 'ok' : 'off'}`}>{active ? t('status.active') : t('status.disabled')}</span>{' '}
        <span class="muted">{user.activated ? t('status.activated') : t('status.pending')}</span>
      </td>
      <td>{user.totp_enabled ? t('common.yes') : t('common.no')}</td>
      {manage && (
        <td>
          <div class="row-actions">
            {!self && (
              <button
                type="button"
                class="button small"
                onClick={toggle}
                aria-label={active ? t('staff.disableLabel', { name }) : t('staff.enableLabel', { name })}
              >
                {active ? t('staff.disable') : t('staff.enable')}
              </button>
            )}
            {!self && (
              <button type="button" class="button small" onClick={reset} aria-label={t('staff.resetLabel', { name })}>
                {t('staff.reset')}
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

export function StaffPage() {
  const { t, me } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const manage = me?.user.role === 'admin' || me?.user.role === 'secretary';
  const staff = useLoad(() => get<{ items: User[] }>(`/schools/${schoolId}/users`), [schoolId]);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const errorText = useErrorText();
  return (
    <>
      <PageHeading title={t('staff.title')} />
      {issued && <CredentialNotice intro={issued.intro} items={issued.items} onClose={() => setIssued(null)} />}
      {manage && (
        <Panel id="add-staff-heading" title={t('staff.add')}>
          <AddStaff
            schoolId={schoolId}
            onCreated={(i) => {
              setIssued(i);
              staff.reload();
            }}
          />
        </Panel>
      )}
      <Panel id="staff-list-heading" title={t('staff.title')}>
        {actionError && <Notice kind="error">{actionError}</Notice>}
        <LoadState state={staff}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('staff.empty')}</p>
            ) : (
              <TableRegion caption={t('staff.title')}>
                <table>
                  <caption class="visually-hidden">{t('staff.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('person.name')}</th>
                      <th scope="col">{t('person.login')}</th>
                      <th scope="col">{t('person.role')}</th>
                      <th scope="col">{t('status.title')}</th>
                      <th scope="col">{t('staff.totp')}</th>
                      {manage && <th scope="col">{t('common.actions')}</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((u) => (
                      <StaffRow
                        key={u.id}
                        user={u}
                        schoolId={schoolId}
                        manage={manage}
                        onChanged={staff.reload}
                        onIssued={setIssued}
                        onError={(e) => setActionError(errorText(e))}
                      />
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
