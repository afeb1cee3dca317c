import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Progress, requestHeadingFocus, TopAppBar } from '../components/ui';
import { SignOutButton } from '../features/auth';
import { useSessionState } from '../lib/auth';
import { OfflineBanner } from '../lib/offline';
import { UpdatePrompt } from './update-prompt';

/** Banner, main landmark and the page; moves the focus to each new page's heading. */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSessionState();
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);

  useEffect(() => {
    if (pathname !== firstPath.current) requestHeadingFocus();
    firstPath.current = '';
  }, [pathname]);

  return (
    <>
      <a className="app-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <TopAppBar title={t('app.name')} actions={session.status === 'signed-in' ? <SignOutButton /> : undefined} />
      <OfflineBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Progress label={t('startup.loading')} />}>
          <Outlet />
        </Suspense>
      </main>
      <UpdatePrompt />
    </>
  );
}
