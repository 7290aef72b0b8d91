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
