import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';

/** Props of Providers. */
export interface ProvidersProps {
  /** The query cache of the session. */
  queryClient: QueryClient;
  /** The i18next instance in the chosen language. */
  i18n: I18n;
  /** The app. */
  children: ReactNode;
}

/** Everything a page needs from context: server data cache and translations. */
export function Providers({ queryClient, i18n, children }: ProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </QueryClientProvider>
  );
}
