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
const SecurityRoute = lazy(() => import('../features/security').then((module) => ({ default: module.SecurityRoute })));
const SettingsRoute = lazy(() => import('../features/settings').then((module) => ({ default: module.SettingsRoute })));
const RegisterRoute = lazy(() => import('../features/register').then((module) => ({ default: module.RegisterRoute })));

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
          path: 'security',
          element: (
            <RequireSignedIn>
              <SecurityRoute />
            </RequireSignedIn>
          ),
        },
        {
          path: 'settings',
          element: (
            <RequireSignedIn>
              <SettingsRoute />
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
        {
          path: 'register',
          element: (
            <RequireSignedOut>
              <RegisterRoute />
            </RequireSignedOut>
          ),
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
