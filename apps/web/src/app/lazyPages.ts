import { lazy } from 'react';

// Each page is its own chunk so the first screen downloads only what it shows.

/** The portfolio page, loaded on demand. */
export const LazyPortfolioPage = lazy(() =>
  import('../features/portfolio/PortfolioPage').then((module) => ({
    default: module.PortfolioPage,
  })),
);

/** The program page, loaded on demand. */
export const LazyProgramPage = lazy(() =>
  import('../features/portfolio/ProgramPage').then((module) => ({ default: module.ProgramPage })),
);

/** The not-found page, loaded on demand. */
export const LazyNotFoundPage = lazy(() =>
  import('./NotFoundPage').then((module) => ({ default: module.NotFoundPage })),
);

/** The sign-in page, loaded on demand. */
export const LazySignInPage = lazy(() =>
  import('../features/auth/SignInPage').then((module) => ({ default: module.SignInPage })),
);

/** The first-administrator setup page, loaded on demand. */
export const LazySetupPage = lazy(() =>
  import('../features/auth/SetupPage').then((module) => ({ default: module.SetupPage })),
);

/** The invitation page, loaded on demand. */
export const LazyInvitationPage = lazy(() =>
  import('../features/auth/InvitationPage').then((module) => ({
    default: module.InvitationPage,
  })),
);

/** The profile page, loaded on demand. */
export const LazyProfilePage = lazy(() =>
  import('../features/profile/ProfilePage').then((module) => ({ default: module.ProfilePage })),
);

/** The full list of notifications, loaded on demand. */
export const LazyNotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((module) => ({
    default: module.NotificationsPage,
  })),
);

/** The administration area, loaded on demand. */
export const LazyAdminLayout = lazy(() =>
  import('../features/admin/AdminLayout').then((module) => ({ default: module.AdminLayout })),
);

/** The coordinators' "Invite people" page, loaded on demand. */
export const LazyInvitePeoplePage = lazy(() =>
  import('../features/admin/InvitePeoplePage').then((module) => ({
    default: module.InvitePeoplePage,
  })),
);

/** The new-program page, loaded on demand. */
export const LazyNewProgramPage = lazy(() =>
  import('../features/programEdit/NewProgramPage').then((module) => ({
    default: module.NewProgramPage,
  })),
);

/** The priority rounds page, loaded on demand. */
export const LazyRoundsPage = lazy(() =>
  import('../features/priorities/RoundsPage').then((module) => ({ default: module.RoundsPage })),
);

/** One priority round (ballot and board), loaded on demand. */
export const LazyRoundPage = lazy(() =>
  import('../features/priorities/RoundPage').then((module) => ({ default: module.RoundPage })),
);

/** An earlier closing's frozen board of a priority round, loaded on demand. */
export const LazyClosingBoardPage = lazy(() =>
  import('../features/priorities/ClosingBoardPage').then((module) => ({
    default: module.ClosingBoardPage,
  })),
);

/** A meeting's published record, loaded on demand. */
export const LazyPublishedRecordPage = lazy(() =>
  import('../features/meetingRecord/PublishedRecordPage').then((module) => ({
    default: module.PublishedRecordPage,
  })),
);

/** The meetings list, loaded on demand. */
export const LazyMeetingsPage = lazy(() =>
  import('../features/meetings/MeetingsPage').then((module) => ({ default: module.MeetingsPage })),
);

/** The new-meeting form, loaded on demand. */
export const LazyNewMeetingPage = lazy(() =>
  import('../features/meetings/MeetingFormPage').then((module) => ({
    default: module.NewMeetingPage,
  })),
);

/** A meeting's edit form, loaded on demand. */
export const LazyEditMeetingPage = lazy(() =>
  import('../features/meetings/MeetingFormPage').then((module) => ({
    default: module.EditMeetingPage,
  })),
);

/** One meeting (the room and minutes slots are wired by the routes), loaded on demand. */
export const LazyMeetingPage = lazy(() =>
  import('../features/meetings/MeetingPage').then((module) => ({ default: module.MeetingPage })),
);

/** A meeting's live room (the meeting page's room slot), loaded with the meeting page. */
export const LazyRoomPanel = lazy(() =>
  import('../features/meetingRoom/RoomPanel').then((module) => ({ default: module.RoomPanel })),
);

/** A meeting's minutes section (the meeting page's minutes slot), loaded with the meeting page. */
export const LazyMinutesSection = lazy(() =>
  import('../features/minutes/MinutesSection').then((module) => ({
    default: module.MinutesSection,
  })),
);

/** The funding dashboard, loaded on demand. */
export const LazyFundingDashboardPage = lazy(() =>
  import('../features/fundingDashboard/FundingDashboardPage').then((module) => ({
    default: module.FundingDashboardPage,
  })),
);

/** The reporting-freshness scorecard, loaded on demand. */
export const LazyScorecardPage = lazy(() =>
  import('../features/fundingDashboard/ScorecardPage').then((module) => ({
    default: module.ScorecardPage,
  })),
);

/** One commitment record with its transactions and history, loaded on demand. */
export const LazyCommitmentRecordPage = lazy(() =>
  import('../features/funding/CommitmentRecordPage').then((module) => ({
    default: module.CommitmentRecordPage,
  })),
);

/** The form recording a new commitment, loaded on demand. */
export const LazyNewCommitmentRecordPage = lazy(() =>
  import('../features/funding/NewCommitmentRecordPage').then((module) => ({
    default: module.NewCommitmentRecordPage,
  })),
);

/** The exchange rates (admins edit), loaded on demand. */
export const LazyExchangeRatesPage = lazy(() =>
  import('../features/funding/ExchangeRatesPage').then((module) => ({
    default: module.ExchangeRatesPage,
  })),
);

/** IATI export and import, loaded on demand. */
export const LazyIatiPage = lazy(() =>
  import('../features/iati/IatiPage').then((module) => ({ default: module.IatiPage })),
);

/** An uploaded IATI file's preview, imported on confirmation, loaded on demand. */
export const LazyIatiImportPreviewPage = lazy(() =>
  import('../features/iati/IatiImportPreviewPage').then((module) => ({
    default: module.IatiImportPreviewPage,
  })),
);

/** The strategy-wide commitment records, loaded on demand. */
export const LazyStrategyWideRecordsPage = lazy(() =>
  import('../features/funding/StrategyWideRecordsPage').then((module) => ({
    default: module.StrategyWideRecordsPage,
  })),
);
