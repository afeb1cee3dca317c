import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiClientProvider, type ApiClient } from '../lib/api';
import { AuthSessionProvider, type AuthSession } from '../lib/auth';
import { EditQueueSync } from '../lib/offline';
import { createRouter } from './router';

export interface AppProps {
  readonly i18n: i18n;
  readonly session: AuthSession;
  readonly api: ApiClient;
}

export function App({ i18n, session, api }: AppProps) {
  const [router] = useState(createRouter);
  return (
    <I18nextProvider i18n={i18n}>
      <AuthSessionProvider session={session}>
        <ApiClientProvider client={api}>
          <EditQueueSync />
          <RouterProvider router={router} />
        </ApiClientProvider>
      </AuthSessionProvider>
    </I18nextProvider>
  );
}
