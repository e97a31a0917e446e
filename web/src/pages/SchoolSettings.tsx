// School settings: name, city and whether staff must use TOTP. Only the admin may change them.
import { useState } from 'preact/hooks';
import { get, patch, type School } from '../api';
import { useForm } from '../components/form';
import { CheckboxField, Notice, Submit, TextField } from '../components/fields';
import { LoadState, PageHeading, useLoad } from '../components/page';
import { useApp } from '../context';

function SettingsForm({
  school,
  editable,
  onSaved,
}: {
  school: School;
  editable: boolean;
  onSaved: () => Promise<void>;
}) {
  const { t } = useApp();
  const form = useForm({
    name: school.name,
    city: school.city ?? '',
    require_staff_totp: Boolean(school.require_staff_totp),
  });
  const [saved, setSaved] = useState(false);
  const { values, set, errors } = form;
  const save = form.submit(async () => {
    setSaved(false);
    await patch<School>(`/schools/${school.id}`, {
      name: values.name.trim(),
      city: values.city.trim(),
      require_staff_totp: values.require_staff_totp,
    });
    setSaved(true);
    await onSaved();
  });
  return (
    <form class="form card" ref={form.formRef} onSubmit={save} noValidate>
      {!editable && <Notice kind="info">{t('school.readOnly')}</Notice>}
      {saved && <Notice kind="success">{t('school.saved')}</Notice>}
      {form.error && <Notice kind="error">{form.error}</Notice>}
      <TextField
        id="school_name"
        label={t('school.name')}
        value={values.name}
        onValue={(v) => set('name', v)}
        autocomplete="organization"
        required
        disabled={!editable}
        error={errors.name}
      />
      <TextField
        id="school_city"
        label={t('school.city')}
        value={values.city}
        onValue={(v) => set('city', v)}
        autocomplete="address-level2"
        optional
        disabled={!editable}
        error={errors.city}
      />
      <CheckboxField
        id="school_totp"
        label={t('school.totp')}
        hint={t('school.totpHint')}
        checked={values.require_staff_totp}
        onChecked={(v) => set('require_staff_totp', v)}
        disabled={!editable}
        error={errors.require_staff_totp}
      />
      {editable && <Submit busy={form.busy} label={t('common.save')} busyLabel={t('common.saving')} />}
    </form>
  );
}

export function SchoolSettingsPage() {
  const { t, me, refreshMe } = useApp();
  const schoolId = me?.school?.id ?? 0;
  const school = useLoad(() => get<School>(`/schools/${schoolId}`), [schoolId]);
  const editable = me?.user.role === 'admin';
  return (
    <div class="narrow-left">
      <PageHeading title={t('school.title')} />
      <LoadState state={school}>
        {(data) => (
          <SettingsForm
            key={data.id}
            school={data}
            editable={editable}
            onSaved={async () => {
              school.reload();
              await refreshMe();
            }}
          />
        )}
      </LoadState>
    </div>
  );
}
