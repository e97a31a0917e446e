// Labelled inputs whose hint and error are tied to them with aria-describedby; errors are announced.
import type { ComponentChildren } from 'preact';
import { useApp } from '../context';

interface Common {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  optional?: boolean;
  disabled?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Label({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  const { t } = useApp();
  return (
    <label for={id}>
      {label}
      {optional && <span class="optional"> {t('common.optional')}</span>}
    </label>
  );
}

function Messages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps extends Common {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password' | 'email' | 'date' | 'time' | 'url';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  spellcheck?: boolean;
  /** For dates: the earliest and latest day the picker offers (YYYY-MM-DD). */
  min?: string;
  max?: string;
}

/** A text, password, e-mail, date, time or web address input with its label, hint and error. */
export function TextField(p: TextFieldProps) {
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <Label id={p.id} label={p.label} optional={p.optional} />
      <input
        id={p.id}
        name={p.id}
        // Preact's types tie `role` to each input type; none of these takes a role.
        type={(p.type ?? 'text') as 'text'}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
        autocomplete={p.autocomplete}
        inputMode={p.inputMode}
        maxLength={p.maxLength}
        spellcheck={p.spellcheck}
        min={p.min}
        max={p.max}
        required={p.required}
        disabled={p.disabled}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <Messages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface TextAreaFieldProps extends Common {
  value: string;
  onValue: (value: string) => void;
  maxLength?: number;
  rows?: number;
}

/** A multi-line text input with its label, hint and error. */
export function TextAreaField(p: TextAreaFieldProps) {
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <Label id={p.id} label={p.label} optional={p.optional} />
      <textarea
        id={p.id}
        name={p.id}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
        maxLength={p.maxLength}
        rows={p.rows ?? 3}
        required={p.required}
        disabled={p.disabled}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <Messages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface SelectFieldProps extends Common {
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
}

/** A native select with its label, hint and error. */
export function SelectField(p: SelectFieldProps) {
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <Label id={p.id} label={p.label} optional={p.optional} />
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        onChange={(e) => p.onValue(e.currentTarget.value)}
        required={p.required}
        disabled={p.disabled}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface CheckboxFieldProps extends Omit<Common, 'required' | 'optional'> {
  checked: boolean;
  onChecked: (checked: boolean) => void;
}

/** A checkbox with the label beside it. */
export function CheckboxField(p: CheckboxFieldProps) {
  return (
    <div class={`field checkbox${p.error ? ' has-error' : ''}`}>
      <input
        id={p.id}
        name={p.id}
        type="checkbox"
        checked={p.checked}
        onChange={(e) => p.onChecked(e.currentTarget.checked)}
        disabled={p.disabled}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <label for={p.id}>{p.label}</label>
      <Messages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface ChoiceGroupProps<V extends string | number> {
  /** The fieldset's id; each option's input is `${id}_${value}`, the error `${id}-error`. */
  id: string;
  legend: string;
  /** An option may be disabled on its own (e.g. e-mail choices for an account without an address). */
  options: { value: V; label: ComponentChildren; disabled?: boolean }[];
  error?: string;
  hint?: string;
  class?: string;
}

/** A fieldset whose error and hint are read with it, and which is marked when the error is about it. */
function ChoiceFieldset({
  id,
  legend,
  error,
  hint,
  class: cls,
  children,
}: Omit<ChoiceGroupProps<string>, 'options'> & { children: ComponentChildren }) {
  return (
    <fieldset
      id={id}
      class={`${cls ?? 'radio-group'}${error ? ' has-error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      {children}
      <Messages id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/** One choice of a few, as radio buttons under a legend. */
export function RadioGroupField<V extends string>(
  p: ChoiceGroupProps<V> & { value: V; onValue: (value: V) => void; disabled?: boolean },
) {
  return (
    <ChoiceFieldset id={p.id} legend={p.legend} error={p.error} hint={p.hint} class={p.class}>
      {p.options.map((o) => (
        <div class="radio" key={o.value}>
          <input
            type="radio"
            id={`${p.id}_${o.value}`}
            name={p.id}
            value={o.value}
            checked={p.value === o.value}
            disabled={p.disabled || o.disabled}
            onChange={() => p.onValue(o.value)}
            aria-invalid={p.error ? 'true' : undefined}
          />
          <label for={`${p.id}_${o.value}`}>{o.label}</label>
        </div>
      ))}
    </ChoiceFieldset>
  );
}

/** Any number of choices, as checkboxes in a grid under a legend. */
export function CheckboxGroupField<V extends string | number>(
  p: ChoiceGroupProps<V> & { chosen: V[]; onChosen: (chosen: V[]) => void },
) {
  return (
    <ChoiceFieldset id={p.id} legend={p.legend} error={p.error} hint={p.hint} class={p.class ?? 'member-list'}>
      <div class="member-grid">
        {p.options.map((o) => (
          <div class="field checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`${p.id}_${o.value}`}
              checked={p.chosen.includes(o.value)}
              disabled={o.disabled}
              onChange={(e) =>
                p.onChosen(e.currentTarget.checked ? [...p.chosen, o.value] : p.chosen.filter((v) => v !== o.value))
              }
              aria-invalid={p.error ? 'true' : undefined}
            />
            <label for={`${p.id}_${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </ChoiceFieldset>
  );
}

/** A form-level message: errors are announced (role=alert), successes politely (role=status). */
export function Notice({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** The submit button; while the request runs it stays focusable but inert (useForm ignores repeats). */
export function Submit({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel?: string }) {
  return (
    <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
      {busy && busyLabel ? busyLabel : label}
    </button>
  );
}
