/** The district map of the user's city (GET /meta/boundary), read once a session: it changes only with a release. */
import { useQuery } from '@tanstack/react-query';
import type { BoundaryOutput } from '@keyprojects/core';
import { apiRequest } from './client.ts';

/** The city's district boundaries and zone markers; a failed read leaves the map without them (no error toast). */
export function useCityBoundary() {
  return useQuery({
    queryKey: ['meta', 'boundary'],
    queryFn: ({ signal }) => apiRequest<BoundaryOutput>('/meta/boundary', { signal }),
    staleTime: Infinity,
    retry: 1,
    meta: { silentError: true },
  });
}
