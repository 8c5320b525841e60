import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './i18n/setup.ts';
import { MantineProvider, createTheme } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { isUnauthorized, setCsrfToken } from './api/client.ts';
import { keys } from './api/queries.ts';
import { App } from './app.tsx';

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'sm', focusRing: 'auto' });

/** Any 401 means the session is gone: forget the actor so the sign-in page shows. */
function onAnyError(error: unknown): void {
  if (!isUnauthorized(error)) return;
  setCsrfToken(null);
  queryClient.setQueryData(keys.me, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error && typeof error === 'object' && 'status' in error && Number(error.status) >= 400
        && Number(error.status) < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
