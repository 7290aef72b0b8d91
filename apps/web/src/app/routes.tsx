import type { RouteObject } from 'react-router';
import { AppShell } from './AppShell';
import { LazyNotFoundPage, LazyPortfolioPage, LazyProgramPage } from './lazyPages';
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
          { index: true, element: <LazyPortfolioPage /> },
          { path: 'programs/:programId', element: <LazyProgramPage /> },
          { path: '*', element: <LazyNotFoundPage /> },
        ],
      },
    ],
  },
];
