import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { redirectToSignIn } from '../features/auth/sessionGuard';
import { createI18n, syncLanguageWithDocument } from '../i18n/i18n';
import { detectLanguage, readStoredLanguage } from '../i18n/language';
import { Providers } from './Providers';
import { createQueryClient } from './queryClient';
import { routes } from './routes';

// Created once per page load, outside React, so that re-renders never rebuild them.
const i18n = createI18n(detectLanguage(readStoredLanguage(), navigator.languages));
syncLanguageWithDocument(i18n);
const router = createBrowserRouter(routes);
// Any 401 from the API, wherever it happens, sends the person to sign in and back.
const queryClient = createQueryClient({
  onUnauthenticated: () => redirectToSignIn(router, queryClient),
});

/** The Mesa web app. */
export function App() {
  return (
    <Providers queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>
  );
}
