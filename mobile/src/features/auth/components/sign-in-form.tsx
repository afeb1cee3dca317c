import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../components/ui';
import { useCountdown } from '../../../lib/time';
import { useSignIn } from '../api/use-sign-in';
import { SignInProblem } from './sign-in-problem';
import { validateSignIn, type SignInErrors } from './sign-in-validation';

export function SignInForm({ initialEmail = '' }: { readonly initialEmail?: string }) {
  const { t } = useTranslation();
  const { pending, problem, retryNotBefore, signIn } = useSignIn();
  const secondsToWait = useCountdown(retryNotBefore);
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const blocked = pending || secondsToWait > 0;

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked) return;
    const found = validateSignIn({ email, password });
    setErrors(found);
    if (found.email !== undefined) return emailRef.current?.focus();
    if (found.password !== undefined) return passwordRef.current?.focus();
    void signIn({ email: email.trim(), password });
  }

  return (
    <form className="sign-in-form" noValidate onSubmit={onSubmit} aria-busy={pending}>
      {problem !== null && <SignInProblem problem={problem} />}
      {secondsToWait > 0 && (
        <p className="sign-in-form__countdown" role="timer" aria-live="off">
          {t('signIn.retryIn', { seconds: secondsToWait })}
        </p>
      )}
      <TextField
        label={t('signIn.email')}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={errors.email !== undefined ? t(errors.email) : undefined}
        required
        inputRef={emailRef}
      />
      <TextField
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.password !== undefined ? t(errors.password) : undefined}
        required
        inputRef={passwordRef}
      />
      <Button type="submit" disabled={blocked}>
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
