// Files handed out with a message or homework: the links to download them, and the picker that uploads them one by
// one as they are chosen (POST /attachments), so the form sends only their ids.
import { useState } from 'preact/hooks';
import { attachmentUrl, MAX_UPLOAD_BYTES, upload, type Attachment } from '../api';
import { useApp } from '../context';
import { LOCALES } from '../i18n';
import { useErrorText } from './form';

/** "12 kB", "1,2 MB". */
function fileSize(bytes: number, lang: 'pl' | 'en'): string {
  const format = (n: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} kB`;
  return `${format(bytes / 1024 / 1024)} MB`;
}

/** The files as download links, each with its size; nothing when there are none. */
export function AttachmentLinks({ items }: { items: Attachment[] }) {
  const { t, lang } = useApp();
  if (items.length === 0) return null;
  return (
    <ul class="plain attachment-list" aria-label={t('files.listLabel')}>
      {items.map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(a.id)} download={a.name}>
            <span aria-hidden="true">📎 </span>
            {a.name}
          </a>{' '}
          <span class="muted">({fileSize(a.size, lang)})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A file input that uploads what is chosen and lists the uploaded files with a button to take each off. An upload the
 * server refuses (a kind it does not take, too large) is said under the input; `error` is the form's, about the list.
 */
export function AttachmentPicker({
  id,
  label,
  value,
  onValue,
  error,
  max = 10,
}: {
  id: string;
  label: string;
  value: Attachment[];
  onValue: (files: Attachment[]) => void;
  error?: string;
  max?: number;
}) {
  const { t, lang } = useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const shownError = [error, ...problems].filter(Boolean).join(' ');

  const choose = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setBusy(true);
    setProblems([]);
    const added: Attachment[] = [];
    const failed: string[] = [];
    for (const file of files) {
      if (value.length + added.length >= max) {
        failed.push(t('files.tooMany', { n: max }));
        break;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        failed.push(t('files.tooLarge', { name: file.name, size: fileSize(MAX_UPLOAD_BYTES, lang) }));
        continue;
      }
      try {
        added.push(await upload(file));
      } catch (e) {
        failed.push(`${file.name}: ${errorText(e)}`);
      }
    }
    onValue([...value, ...added]);
    setProblems(failed);
    setBusy(false);
  };

  const described = [`${id}-hint`, shownError ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field attachments${shownError ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        <span class="optional"> {t('common.optional')}</span>
      </label>
      <input
        id={id}
        type="file"
        multiple
        disabled={value.length >= max}
        aria-invalid={shownError ? 'true' : undefined}
        aria-describedby={described}
        onChange={(e) => void choose(e.currentTarget)}
      />
      <p class="hint" id={`${id}-hint`}>
        {t('files.hint', { size: fileSize(MAX_UPLOAD_BYTES, lang), n: max })}
      </p>
      <p class="muted" aria-live="polite">
        {busy ? t('files.uploading') : ''}
      </p>
      {shownError && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {shownError}
        </p>
      )}
      {value.length > 0 && (
        <ul class="plain attachment-list" data-testid={`${id}-files`}>
          {value.map((a) => (
            <li key={a.id}>
              <span aria-hidden="true">📎 </span>
              {a.name} <span class="muted">({fileSize(a.size, lang)})</span>{' '}
              <button
                type="button"
                class="button small"
                aria-label={t('files.remove', { name: a.name })}
                onClick={() => onValue(value.filter((x) => x.id !== a.id))}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
