import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Progress, requestHeadingFocus, TopAppBar } from '../components/ui';
import { SignOutButton } from '../features/auth';
import { useSessionState } from '../lib/auth';
import { OfflineBanner } from '../lib/offline';
import { AppNavigation } from './app-navigation';
import { UpdatePrompt } from './update-prompt';

/**
 * Banner, main landmark, the page and (signed in) the navigation bar; moves the focus to each
 * new page's heading.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSessionState();
  const { pathname } = useLocation();
  const signedIn = session.status === 'signed-in';
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
      <TopAppBar title={t('app.name')} actions={signedIn ? <SignOutButton /> : undefined} />
      <OfflineBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Progress label={t('startup.loading')} />}>
          <Outlet />
        </Suspense>
      </main>
      {signedIn && <AppNavigation />}
      <UpdatePrompt />
    </>
  );
}
