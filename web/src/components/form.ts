// Form state: values, the API's field errors and message, a busy flag, and focus on the first error.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useApp } from '../context';

export interface FormState<T> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  reset: (values?: T) => void;
  errors: Record<string, string>;
  setErrors: (errors: Record<string, string>) => void;
  error: string | null;
  busy: boolean;
  /**
   * Runs the action with errors cleared; API errors land on the fields they name and in `error`. A conflict
   * (409) names no field: `conflicts` maps its code to the field it concerns (e.g. duplicate_room → name).
   */
  submit: (action: () => Promise<void>, conflicts?: Record<string, string>) => (e?: Event) => Promise<void>;
  formRef: { current: HTMLFormElement | null };
}

/** Turns any failure into the message to show; API messages are already localised by the server. */
export function useErrorText(): (e: unknown) => string {
  const { t } = useApp();
  return (e) => {
    if (e instanceof ApiError) {
      if (e.status === 429 && e.retryAfter) return `${e.message} ${t('common.retryAfter', { s: e.retryAfter })}`;
      return e.message;
    }
    return t('common.networkError');
  };
}

/** State for one form whose fields are named as in the API request. */
export function useForm<T extends object>(initial: T): FormState<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement | null>(null);
  const errorText = useErrorText();
  const { t } = useApp();

  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, [attempt]);

  const submit = (action: () => Promise<void>, conflicts?: Record<string, string>) => async (e?: Event) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await action();
    } catch (err) {
      const field = err instanceof ApiError && err.status === 409 ? conflicts?.[err.code] : undefined;
      if (field && err instanceof ApiError) {
        setError(t('common.fieldErrors'));
        setErrors({ [field]: err.message });
      } else {
        setError(errorText(err));
        if (err instanceof ApiError) setErrors(err.fields);
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    set: (key, value) => setValues((v) => ({ ...v, [key]: value })),
    reset: (next) => {
      setValues(next ?? initial);
      setErrors({});
      setError(null);
    },
    errors,
    setErrors: (next) => {
      setErrors(next);
      setAttempt((n) => n + 1);
    },
    error,
    busy,
    submit,
    formRef,
  };
}
