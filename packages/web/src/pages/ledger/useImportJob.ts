import { useQuery } from '@tanstack/react-query';
import { fetchImportJob } from '../../api/ledger.ts';

/** How often a running import is polled: quick enough for the bar to move, rare enough to cost nothing. */
const POLL_MS = 400;

/** A background import, polled until it has finished. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['ledger', 'job', id],
    queryFn: ({ signal }) => fetchImportJob(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? POLL_MS : false),
    // A job is in one process's memory: a failed poll is shown on the page, not retried behind its back.
    retry: 1,
    meta: { silentError: true },
  });
}
