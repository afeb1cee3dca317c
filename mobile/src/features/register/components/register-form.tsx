import { useRef, useState, type HTMLInputAutoCompleteAttribute, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert, Button, TextField, type TextFieldProps } from '../../../components/ui';
import { ApiProblem, useApiClient } from '../../../lib/api';
import { todayInZurich } from '../../../lib/i18n';
import { useCountdown } from '../../../lib/time';
import { registerMember, REGISTRATION_FIELDS, type Registration, type RegistrationField } from '../api/register-member';
import { registrationErrorsFrom, validateRegistration, PASSWORD_MIN_LENGTH, type RegistrationErrors } from './registration-errors';

interface FieldSpec {
  readonly type?: TextFieldProps['type'];
  readonly autoComplete: HTMLInputAutoCompleteAttribute;
  readonly inputMode?: TextFieldProps['inputMode'];
  readonly required?: boolean;
}

const fieldSpecs: Readonly<Record<RegistrationField, FieldSpec>> = {
  email: { type: 'email', autoComplete: 'username', inputMode: 'email', required: true },
  password: { type: 'password', autoComplete: 'new-password', required: true },
  prenom: { autoComplete: 'given-name', required: true },
  nom: { autoComplete: 'family-name', required: true },
  date_naissance: { type: 'date', autoComplete: 'bday' },
  rue: { autoComplete: 'street-address' },
  npa: { autoComplete: 'postal-code', inputMode: 'numeric' },
  localite: { autoComplete: 'address-level2' },
  tel: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
};

const empty = Object.fromEntries(REGISTRATION_FIELDS.map((field) => [field, ''])) as Registration;

/** Where the member goes once registered: the sign-in, with the address filled in. */
export interface RegisteredState {
  readonly registeredEmail: string;
}

export function RegisterForm() {
  const { t } = useTranslation();
  const api = useApiClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<Registration>(empty);
  const [errors, setErrors] = useState<RegistrationErrors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [retryNotBefore, setRetryNotBefore] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const inputs = useRef<Partial<Record<RegistrationField, HTMLInputElement | null>>>({});
  const secondsToWait = useCountdown(retryNotBefore);
  const blocked = pending || secondsToWait > 0;

  function showErrors(found: RegistrationErrors) {
    setErrors(found);
    const first = REGISTRATION_FIELDS.find((field) => found[field] !== undefined);
    if (first !== undefined) inputs.current[first]?.focus();
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked) return;
    setProblem(null);
    const found = validateRegistration(values, todayInZurich());
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await registerMember(api, values);
      void navigate('/sign-in', { state: { registeredEmail: values.email.trim() } satisfies RegisteredState });
    } catch (error) {
      const failure = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
      const fieldErrors = registrationErrorsFrom(failure);
      if (Object.keys(fieldErrors).length > 0) showErrors(fieldErrors);
      else setProblem(failure);
      const wait = failure.retryAfterSeconds;
      setRetryNotBefore(wait !== undefined && wait > 0 ? Date.now() + wait * 1000 : null);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="register-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={pending}>
      {problem !== null && (
        <Alert tone="error">
          <p>{t(problem.messageKey)}</p>
          {problem.traceId !== undefined && !problem.isTransient && <p>{t('problems.supportCode', { code: problem.traceId })}</p>}
        </Alert>
      )}
      {secondsToWait > 0 && (
        <p className="register-form__countdown" role="timer" aria-live="off">
          {t('register.retryIn', { seconds: secondsToWait })}
        </p>
      )}
      <p className="register-form__required-note">{t('register.requiredNote')}</p>
      {REGISTRATION_FIELDS.map((field) => {
        const spec = fieldSpecs[field];
        const error = errors[field];
        const label = t(`register.fields.${field}`);
        return (
          <TextField
            key={field}
            label={spec.required === true ? `${label} *` : label}
            name={field}
            type={spec.type ?? 'text'}
            autoComplete={spec.autoComplete}
            inputMode={spec.inputMode}
            value={values[field]}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            error={error !== undefined ? t(error.key, error.values ?? {}) : undefined}
            hint={field === 'password' ? t('register.passwordHint', { min: PASSWORD_MIN_LENGTH }) : undefined}
            required={spec.required ?? false}
            inputRef={(element) => {
              inputs.current[field] = element;
            }}
          />
        );
      })}
      <Button type="submit" disabled={blocked}>
        {pending ? t('register.submitting') : t('register.submit')}
      </Button>
    </form>
  );
}
