import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { ApiError } from './api/client.ts';
import { App, DashboardPage } from './App.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import { loadCatalogue, loadLocale } from './i18n/translate.ts';
import { prefetchDashboard } from './pages/dashboard/dashboard.prefetch.ts';
import { SessionProvider } from './session/SessionProvider.tsx';
import 'antd/dist/antd.css';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (400–499) will not go away by asking again.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

// The dashboard's data and code start together, before React renders the route (see dashboard.prefetch.ts); the
// first render waits for its code, so that the shell and the figures paint together rather than the shell with a
// spinner first (lib/lazyPage.ts).
let firstPage: Promise<unknown> | undefined;
if (window.location.pathname === '/dashboard') {
  prefetchDashboard(queryClient, new URLSearchParams(window.location.search));
  firstPage = DashboardPage.preload();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <AntApp>
            <SessionProvider>
              <BrowserRouter>
                <App />
              </BrowserRouter>
            </SessionProvider>
          </AntApp>
        </LocaleProvider>
      </QueryClientProvider>
    </StrictMode>,
  );

// English is a separate chunk: an English reader's first render waits for it, a Chinese one's only for a microtask.
void Promise.allSettled([loadCatalogue(loadLocale()), firstPage]).finally(render);
