import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';

const OrganizationsPage = lazy(() =>
  import('./OrganizationsPage').then((module) => ({ default: module.OrganizationsPage })),
);
const PeoplePage = lazy(() =>
  import('./PeoplePage').then((module) => ({ default: module.PeoplePage })),
);
const InvitationsPage = lazy(() =>
  import('./InvitationsPage').then((module) => ({ default: module.InvitationsPage })),
);
const ProgramAccessPage = lazy(() =>
  import('./ProgramAccessPage').then((module) => ({ default: module.ProgramAccessPage })),
);

/** The sections under `/admin`; AdminLayout checks `administer` before any of them renders. */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <Navigate replace to="organizations" /> },
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'people', element: <PeoplePage /> },
  { path: 'invitations', element: <InvitationsPage /> },
  { path: 'programs', element: <ProgramAccessPage /> },
  { path: 'programs/:programId', element: <ProgramAccessPage /> },
];
