export interface SignInValues {
  readonly email: string;
  readonly password: string;
}

export type SignInErrors = Partial<Record<keyof SignInValues, string>>;

/** Loose on purpose: the server decides; this only catches what is plainly not an address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Message keys of what is wrong, the app's own (the browser's bubbles speak English only). */
export function validateSignIn(values: SignInValues): SignInErrors {
  const errors: { email?: string; password?: string } = {};
  const email = values.email.trim();
  if (email === '') errors.email = 'signIn.emailRequired';
  else if (!EMAIL.test(email)) errors.email = 'signIn.emailInvalid';
  if (values.password === '') errors.password = 'signIn.passwordRequired';
  return errors;
}
