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
