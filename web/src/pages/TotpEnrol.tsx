// TOTP set-up: start enrolment (QR + key), confirm with a code, then show the 10 recovery codes once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../api';
import { useForm } from '../components/form';
import { Notice, Submit, TextField } from '../components/fields';
import { useApp } from '../context';

interface Enrolment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

/** The QR code as an image: a data URL keeps the server's SVG out of the DOM (and inside the CSP). */
function qrSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The whole flow; `onDone` runs after the user has seen and acknowledged the recovery codes. */
export function TotpEnrol({ onDone }: { onDone: () => void | Promise<void> }) {
  const { t } = useApp();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useForm({});
  const confirm = useForm({ code: '' });
  const codesHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (codes) codesHeading.current?.focus();
  }, [codes]);

  const begin = start.submit(async () => {
    setEnrolment(await post<Enrolment>('/auth/totp/enrol'));
  });

  const verify = confirm.submit(async () => {
    const result = await post<{ recovery_codes: string[] }>('/auth/totp/confirm', {
      code: confirm.values.code.replace(/\s+/g, ''),
    });
    setCodes(result.recovery_codes);
  });

  if (codes) {
    return (
      <div class="recovery">
        <h2 ref={codesHeading} tabIndex={-1}>
          {t('totp.codesTitle')}
        </h2>
        <Notice kind="info">
          <strong>{t('totp.codesSave')}</strong>
        </Notice>
        <ul class="recovery-codes" aria-label={t('totp.codesList')}>
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <div class="actions">
          <button type="button" class="button" onClick={() => window.print()}>
            {t('common.print')}
          </button>
          <button type="button" class="button primary" onClick={() => void onDone()}>
            {t('totp.codesDone')}
          </button>
        </div>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <form class="form" ref={start.formRef} onSubmit={begin}>
        {start.error && <Notice kind="error">{start.error}</Notice>}
        <Submit busy={start.busy} label={t('totp.start')} />
      </form>
    );
  }

  return (
    <form class="form" ref={confirm.formRef} onSubmit={verify} noValidate>
      <p>{t('totp.scan')}</p>
      <img class="qr" src={qrSource(enrolment.qr_svg)} alt={t('totp.qrAlt')} width={200} height={200} />
      <p>
        {t('totp.secret')} <code class="secret">{enrolment.secret}</code>
      </p>
      {confirm.error && !confirm.errors.code && <Notice kind="error">{confirm.error}</Notice>}
      <TextField
        id="totp_code"
        label={t('totp.code')}
        value={confirm.values.code}
        onValue={(v) => confirm.set('code', v)}
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={10}
        required
        error={confirm.errors.code}
      />
      <Submit busy={confirm.busy} label={t('totp.confirm')} />
    </form>
  );
}
