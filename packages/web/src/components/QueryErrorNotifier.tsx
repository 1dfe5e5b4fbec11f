import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { ApiError } from '../api/client.ts';

/**
 * Shows the API's message for every failed query, once. Pages that render the error themselves set
 * `meta: { silentError: true }`; an expired session (401) is handled by the session, not here.
 */
export function QueryErrorNotifier() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        // The cache's queries are typed loosely; narrow the error before use.
        const error: unknown = event.query.state.error;
        if (!(error instanceof Error) || event.query.meta?.silentError === true) return;
        if (error instanceof ApiError && error.status === 401) return;
        void message.error({ content: error.message, key: error.message });
      }),
    [queryClient, message],
  );

  return null;
}
