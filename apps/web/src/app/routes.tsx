import type { RouteObject } from 'react-router';
import { adminRoutes } from '../features/admin/adminRoutes';
import { RequireSession } from '../features/auth/RequireSession';
import { AppShell } from './AppShell';
import {
  LazyAdminLayout,
  LazyInvitationPage,
  LazyInvitePeoplePage,
  LazyNewProgramPage,
  LazyNotFoundPage,
  LazyNotificationsPage,
  LazyPortfolioPage,
  LazyProfilePage,
  LazyProgramPage,
  LazyPublishedRecordPage,
  LazyRoundPage,
  LazyRoundsPage,
  LazySetupPage,
  LazySignInPage,
} from './lazyPages';
import { RouteError } from './RouteError';

/** The app's routes: every page inside the shell, errors shown inside the shell too. */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    // Last resort when the shell itself fails; the providers above the router still translate it.
    errorElement: <RouteError />,
    children: [
      {
        // A pathless layer so that a crashing page keeps the header, navigation and footer.
        errorElement: <RouteError />,
        children: [
          // Public: reachable without a session.
          { path: 'sign-in', element: <LazySignInPage /> },
          { path: 'setup/:token', element: <LazySetupPage /> },
          { path: 'invite/:token', element: <LazyInvitationPage /> },
          {
            // Everything else needs a session; signed-out people go to sign in and come back.
            element: <RequireSession />,
            children: [
              { index: true, element: <LazyPortfolioPage /> },
              { path: 'programs/new', element: <LazyNewProgramPage /> },
              { path: 'programs/:programId', element: <LazyProgramPage /> },
              { path: 'priorities', element: <LazyRoundsPage /> },
              { path: 'priorities/:roundId', element: <LazyRoundPage /> },
              { path: 'profile', element: <LazyProfilePage /> },
              { path: 'notifications', element: <LazyNotificationsPage /> },
              { path: 'meetings/:id/record', element: <LazyPublishedRecordPage /> },
              { path: 'invite-people', element: <LazyInvitePeoplePage /> },
              { path: 'admin', element: <LazyAdminLayout />, children: adminRoutes },
              { path: '*', element: <LazyNotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
