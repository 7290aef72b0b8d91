import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Locale } from '@mesa/shared';
import { Providers } from '../app/Providers';
import { createQueryClient } from '../app/queryClient';
import { createI18n } from '../i18n/i18n';

/** Options of renderRoute. */
export interface RenderRouteOptions {
  /** The route pattern the element is mounted at, e.g. "/programs/:programId". */
  path?: string;
  /** The address to start at. */
  at?: string;
  /** Interface language. */
  language?: Locale;
}

/** Renders one page inside the app's providers and an in-memory router, without retries. */
export function renderRoute(element: ReactElement, options: RenderRouteOptions = {}) {
  const { path = '/', at = '/', language = 'en' } = options;
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const i18n = createI18n(language);
  const router = createMemoryRouter([{ path, element }], { initialEntries: [at] });
  const result = render(
    <Providers queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, i18n, router, queryClient };
}
