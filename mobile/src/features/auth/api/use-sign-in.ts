import { useCallback, useState } from 'react';
import { ApiProblem } from '../../../lib/api';
import { useAuthSession, type Credentials } from '../../../lib/auth';

export interface SignInAttempt {
  readonly pending: boolean;
  readonly problem: ApiProblem | null;
  /** Epoch ms before which the server asked not to try again (429/503 `Retry-After`). */
  readonly retryNotBefore: number | null;
  readonly signIn: (credentials: Credentials) => Promise<void>;
}

export function useSignIn(now: () => number = Date.now): SignInAttempt {
  const session = useAuthSession();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [retryNotBefore, setRetryNotBefore] = useState<number | null>(null);

  const signIn = useCallback(
    async (credentials: Credentials) => {
      setPending(true);
      setProblem(null);
      try {
        await session.signIn(credentials);
      } catch (error) {
        const failure = error instanceof ApiProblem ? error : new ApiProblem({ status: -1, detail: String(error) });
        setProblem(failure);
        setRetryNotBefore(
          failure.retryAfterSeconds !== undefined && failure.retryAfterSeconds > 0
            ? now() + failure.retryAfterSeconds * 1000
            : null,
        );
      } finally {
        setPending(false);
      }
    },
    [session, now],
  );

  return { pending, problem, retryNotBefore, signIn };
}
