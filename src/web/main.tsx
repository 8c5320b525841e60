import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/tiptap/styles.css';
// Korean in unicode-range pieces: a page downloads only the pieces its characters fall in (see theme.ts).
import '@fontsource/nanum-gothic/400.css';
import '@fontsource/nanum-gothic/700.css';
import './global.css';
import { i18nReady } from './i18n/setup.ts';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { isUnauthorized, setCsrfToken } from './api/client.ts';
import { sessionKeys } from './api/session.ts';
import { App } from './app.tsx';
import { registerServiceWorker } from './offline/register-sw.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/** Any 401 means the session is gone: forget the actor so the sign-in page shows. */
function onAnyError(error: unknown): void {
  if (!isUnauthorized(error)) return;
  setCsrfToken(null);
  queryClient.setQueryData(sessionKeys.me, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        navigator.onLine &&
        !(error && typeof error === 'object' && 'status' in error && Number(error.status) >= 400 && Number(error.status) < 500) &&
        count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

registerServiceWorker();
// The reader's language first: a page is never drawn with bare keys.
await i18nReady;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
