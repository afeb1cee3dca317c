import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { serviceWorkerUpdates } from './service-worker';
import { StartupError } from './startup-error';
import { loadAppConfig } from '../config/app-config';
import { createApiClient } from '../lib/api';
import { createBrowserAuthSession } from '../lib/auth';
import { initI18n } from '../lib/i18n';
import { themeController } from '../lib/theme';
import '../styles/global.css';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('#root is missing from index.html');
  // Before the first paint: the member's theme, not a flash of the light one.
  themeController();
  const root = createRoot(container);
  const i18n = await initI18n();

  let apiOrigin: string;
  try {
    ({ apiOrigin } = await loadAppConfig({ missingMeansSameOrigin: import.meta.env.DEV }));
  } catch (error) {
    console.error(error);
    root.render(<StartupError i18n={i18n} />);
    return;
  }

  const session = createBrowserAuthSession(apiOrigin);
  const api = createApiClient({ apiOrigin, tokens: session });
  root.render(
    <StrictMode>
      <App i18n={i18n} session={session} api={api} apiOrigin={apiOrigin} />
    </StrictMode>,
  );
  void session.restore();

  if (import.meta.env.PROD) {
    serviceWorkerUpdates.register('/sw.js').catch((error: unknown) => {
      console.error('Service worker registration failed', error);
    });
  }
}

void start();
