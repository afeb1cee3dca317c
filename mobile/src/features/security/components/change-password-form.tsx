import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, TextField } from '../../../components/ui';
import { ApiProblem, useApiClient } from '../../../lib/api';
import { invalidateResource } from '../../../lib/data';
import { useCountdown } from '../../../lib/time';
import { changePassword } from '../api/change-password';
import {
  passwordErrorsFrom,
  validatePasswordChange,
  PASSWORD_MIN_LENGTH,
  type PasswordErrors,
  type PasswordField,
  type PasswordValues,
} from './password-errors';

const FIELDS: readonly PasswordField[] = ['currentPassword', 'newPassword', 'confirmation'];
const EMPTY: PasswordValues = { currentPassword: '', newPassword: '', confirmation: '' };

export function ChangePasswordForm({ online }: { readonly online: boolean }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [values, setValues] = useState<PasswordValues>(EMPTY);
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [changed, setChanged] = useState(false);
  const [pending, setPending] = useState(false);
  const [retryNotBefore, setRetryNotBefore] = useState<number | null>(null);
  const secondsToWait = useCountdown(retryNotBefore);
  const inputs = useRef<Partial<Record<PasswordField, HTMLInputElement | null>>>({});
  const blocked = pending || secondsToWait > 0 || !online;

  function showErrors(found: PasswordErrors) {
    setErrors(found);
    const first = FIELDS.find((field) => found[field] !== undefined);
    if (first !== undefined) inputs.current[first]?.focus();
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked) return;
    setProblem(null);
    setChanged(false);
    const found = validatePasswordChange(values);
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await changePassword(api, values);
      setValues(EMPTY);
      setChanged(true);
      invalidateResource('sessions');
    } catch (error) {
      const failure = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
      const fieldErrors = passwordErrorsFrom(failure);
      if (Object.keys(fieldErrors).length > 0) showErrors(fieldErrors);
      else setProblem(failure);
      const wait = failure.retryAfterSeconds;
      setRetryNotBefore(wait !== undefined && wait > 0 ? Date.now() + wait * 1000 : null);
    } finally {
      setPending(false);
    }
  }

  const field = (name: PasswordField, autoComplete: 'current-password' | 'new-password', hint?: string) => {
    const error = errors[name];
    return (
      <TextField
        label={t(`security.password.${name}`)}
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={values[name]}
        onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
        error={error !== undefined ? t(error.key, error.values ?? {}) : undefined}
        hint={hint}
        required
        inputRef={(element) => {
          inputs.current[name] = element;
        }}
      />
    );
  };

  return (
    <form className="security-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={pending}>
      {changed && <Alert tone="info">{t('security.password.changed')}</Alert>}
      {problem !== null && (
        <Alert tone="error">
          <p>{t(problem.messageKey)}</p>
          {problem.traceId !== undefined && !problem.isTransient && <p>{t('problems.supportCode', { code: problem.traceId })}</p>}
        </Alert>
      )}
      {secondsToWait > 0 && (
        <p className="security__note" role="timer" aria-live="off">
          {t('security.password.retryIn', { seconds: secondsToWait })}
        </p>
      )}
      {field('currentPassword', 'current-password')}
      {field('newPassword', 'new-password', t('security.password.hint', { min: PASSWORD_MIN_LENGTH }))}
      {field('confirmation', 'new-password')}
      <Button type="submit" disabled={blocked}>
        {pending ? t('security.password.submitting') : t('security.password.submit')}
      </Button>
      {!online && <p className="security__note">{t('security.offlineReason')}</p>}
    </form>
  );
}
