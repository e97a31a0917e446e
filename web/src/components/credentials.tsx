// The login + one-time activation code shown once after creating an account or resetting it.
import { useApp } from '../context';
import { Notice } from './fields';

export interface IssuedCredential {
  heading: string;
  name: string;
  login: string;
  code: string;
}

/** One or more freshly issued credentials, announced politely and easy to copy. */
export function CredentialNotice({
  intro,
  items,
  onClose,
}: {
  intro: string;
  items: IssuedCredential[];
  onClose: () => void;
}) {
  const { t } = useApp();
  return (
    <Notice kind="success">
      <p>
        <strong>{intro}</strong>
      </p>
      {items.map((item) => (
        <div class="credential" key={item.login}>
          <p class="credential-heading">
            {item.heading}: {item.name}
          </p>
          <dl class="credential-data">
            <dt>{t('person.login')}</dt>
            <dd>
              <code data-testid="issued-login">{item.login}</code>
            </dd>
            <dt>{t('cred.code')}</dt>
            <dd>
              <code data-testid="issued-code">{item.code}</code>
            </dd>
          </dl>
        </div>
      ))}
      <p class="hint">{t('cred.note')}</p>
      <button type="button" class="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </Notice>
  );
}
