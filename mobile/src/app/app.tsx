import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiClientProvider, type ApiClient } from '../lib/api';
import { AuthSessionProvider, type AuthSession } from '../lib/auth';
import { EditQueueSync } from '../lib/offline';
import { MemberSession } from './member-session';
import { createRouter } from './router';

export interface AppProps {
  readonly i18n: i18n;
  readonly session: AuthSession;
  readonly api: ApiClient;
  /** The gateway's origin ('' for the app's own), for the realtime socket. */
  readonly apiOrigin: string;
}

export function App({ i18n, session, api, apiOrigin }: AppProps) {
  const [router] = useState(createRouter);
  return (
    <I18nextProvider i18n={i18n}>
      <AuthSessionProvider session={session}>
        <ApiClientProvider client={api}>
          <EditQueueSync />
          <MemberSession apiOrigin={apiOrigin}>
            <RouterProvider router={router} />
          </MemberSession>
        </ApiClientProvider>
      </AuthSessionProvider>
    </I18nextProvider>
  );
}
