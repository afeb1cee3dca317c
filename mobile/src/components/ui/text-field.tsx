import { useId, type ChangeEvent, type HTMLInputAutoCompleteAttribute, type Ref } from 'react';

export interface TextFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'email' | 'password' | 'tel' | 'date';
  readonly autoComplete?: HTMLInputAutoCompleteAttribute | undefined;
  readonly inputMode?: 'text' | 'email' | 'tel' | 'numeric' | undefined;
  readonly error?: string | undefined;
  /** Supporting text under the field (a format, a rule), read with it by screen readers. */
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * A Material 3 outlined text field on a native input: password managers, autofill and
 * assistive technology see an ordinary labelled input.
 */
export function TextField({
  label,
  name,
  value,
  onChange,
  type = 'text',
  autoComplete,
  inputMode,
  error,
  hint,
  required = false,
  disabled = false,
  inputRef,
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = error !== undefined && error !== '';
  const hasHint = hint !== undefined && hint !== '';
  const describedBy = [invalid ? errorId : null, hasHint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`ui-text-field${invalid ? ' ui-text-field--invalid' : ''}`}>
      <label className="ui-text-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="ui-text-field__input"
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        spellCheck={type === 'email' || type === 'password' ? false : undefined}
        autoCapitalize={type === 'email' || type === 'password' ? 'none' : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
      {invalid && (
        <p id={errorId} className="ui-text-field__error">
          {error}
        </p>
      )}
      {hasHint && (
        <p id={hintId} className="ui-text-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
