import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { SignInRoute } from '../features/auth';
import { AppShell } from './app-shell';
import { RequireSignedIn, RequireSignedOut } from './guards';
import { NotFoundRoute } from './not-found-route';

// Each signed-in page is its own chunk, loaded when first shown: the start-up bundle stays
// the shell and the sign-in page.
const HomeRoute = lazy(() => import('../features/abonnements').then((module) => ({ default: module.HomeRoute })));
const ProfileRoute = lazy(() => import('../features/profile').then((module) => ({ default: module.ProfileRoute })));

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppShell />,
      children: [
        {
          index: true,
          element: (
            <RequireSignedIn>
              <HomeRoute />
            </RequireSignedIn>
          ),
        },
        {
          path: 'profile',
          element: (
            <RequireSignedIn>
              <ProfileRoute />
            </RequireSignedIn>
          ),
        },
        {
          path: 'sign-in',
          element: (
            <RequireSignedOut>
              <SignInRoute />
            </RequireSignedOut>
          ),
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
