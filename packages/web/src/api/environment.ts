/** The server's running environment (public): whether it is the demo, for the banner on every page. */
import { useQuery } from '@tanstack/react-query';
import type { EnvironmentOutput } from '@keyprojects/core';
import { apiRequest } from './client.ts';

/** The environment, asked once per page load; a failure shows no banner rather than an error. */
export function useEnvironment() {
  return useQuery({
    queryKey: ['environment'],
    queryFn: () => apiRequest<EnvironmentOutput>('/environment'),
    staleTime: Infinity,
    retry: false,
    meta: { silentError: true },
  });
}
