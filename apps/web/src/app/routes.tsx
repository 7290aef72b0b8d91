import { Suspense } from 'react';
import type { RouteObject } from 'react-router';
import type { Meeting } from '@mesa/shared';
import { adminRoutes } from '../features/admin/adminRoutes';
import { RequireSession } from '../features/auth/RequireSession';
import { AppShell } from './AppShell';
import {
  LazyAdminLayout,
  LazyCommitmentRecordPage,
  LazyExchangeRatesPage,
  LazyFundingDashboardPage,
  LazyIatiImportPreviewPage,
  LazyIatiPage,
  LazyNewCommitmentRecordPage,
  LazyScorecardPage,
  LazyStrategyWideRecordsPage,
  LazyInvitationPage,
  LazyInvitePeoplePage,
  LazyEditMeetingPage,
  LazyMeetingPage,
  LazyMeetingsPage,
  LazyMinutesSection,
  LazyNewMeetingPage,
  LazyNewProgramPage,
  LazyNotFoundPage,
  LazyNotificationsPage,
  LazyPortfolioPage,
  LazyProfilePage,
  LazyProgramPage,
  LazyPublishedRecordPage,
  LazyRoomPanel,
  LazyRoundPage,
  LazyClosingBoardPage,
  LazyRoundsPage,
  LazySetupPage,
  LazySignInPage,
} from './lazyPages';
import { RouteError } from './RouteError';

// The meeting page's sections from other features; each waits for its chunk without blanking the page.
const renderRoom = (meeting: Meeting) => (
  <Suspense fallback={null}>
    {/* Keyed by meeting: another meeting's page starts from an empty room, not this one's. */}
    <LazyRoomPanel key={meeting.id} meeting={meeting} />
  </Suspense>
);
const renderMinutes = (meeting: Meeting) => (
  <Suspense fallback={null}>
    <LazyMinutesSection meeting={meeting} />
  </Suspense>
);

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
              {
                path: 'priorities/:roundId/closings/:reopeningId',
                element: <LazyClosingBoardPage />,
              },
              { path: 'meetings', element: <LazyMeetingsPage /> },
              { path: 'meetings/new', element: <LazyNewMeetingPage /> },
              {
                path: 'meetings/:meetingId',
                element: <LazyMeetingPage renderRoom={renderRoom} renderMinutes={renderMinutes} />,
              },
              { path: 'meetings/:meetingId/edit', element: <LazyEditMeetingPage /> },
              { path: 'funding', element: <LazyFundingDashboardPage /> },
              { path: 'funding/scorecard', element: <LazyScorecardPage /> },
              { path: 'funding/records', element: <LazyStrategyWideRecordsPage /> },
              { path: 'funding/records/new', element: <LazyNewCommitmentRecordPage /> },
              { path: 'funding/records/:recordId', element: <LazyCommitmentRecordPage /> },
              { path: 'funding/rates', element: <LazyExchangeRatesPage /> },
              { path: 'funding/iati', element: <LazyIatiPage /> },
              { path: 'funding/iati/imports/:importId', element: <LazyIatiImportPreviewPage /> },
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
