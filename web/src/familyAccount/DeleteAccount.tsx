// Deleting the family account on the family page (DELETE /family/account), after its password and a confirmation.
import { api } from '../api';
import { Notice, TextField } from '../components/fields';
import { useForm } from '../components/form';
import { Panel } from '../components/page';
import { useApp } from '../context';
import { tellAtSignIn } from '../pages/Login';
import { forgetFamily } from '../push/browser';

/**
 * Deleting the family account: what goes and what stays at the schools, its password, a last question; then the
 * session is gone, so the app signs out to the sign-in page, which says it was deleted.
 */
export function DeleteAccount({ familyId, email }: { familyId: number; email: string }) {
  const { t, signOut } = useApp();
  const form = useForm({ password: '' });
  const { values, set, errors } = form;
  const remove = form.submit(async () => {
    if (!window.confirm(t('familyAccount.deleteConfirm', { email }))) return;
    await api('DELETE', '/family/account', { password: values.password });
    await forgetFamily(familyId).catch(() => undefined);
    tellAtSignIn('familyAccount.deleted');
    await signOut();
  });
  return (
    <Panel id="family-delete-heading" title={t('familyAccount.deleteTitle')}>
      <form class="form" ref={form.formRef} onSubmit={remove} noValidate>
        <p>{t('familyAccount.deleteWhat', { email })}</p>
        <p>{t('familyAccount.deleteStays')}</p>
        {form.error && !errors.password && <Notice kind="error">{form.error}</Notice>}
        <TextField
          id="delete_password"
          type="password"
          label={t('familyAccount.deletePassword')}
          hint={t('familyAccount.deletePasswordHint')}
          value={values.password}
          onValue={(v) => set('password', v)}
          autocomplete="current-password"
          required
          error={errors.password}
        />
        <div class="actions">
          <button type="submit" class="button danger" aria-disabled={form.busy ? 'true' : undefined}>
            {form.busy ? t('familyAccount.deleting') : t('familyAccount.deleteSubmit')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
