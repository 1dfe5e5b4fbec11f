/** Progress against plan (SPI): a project's S-curve and the SPI per region. */
import { useQuery } from '@tanstack/react-query';
import type { SCurveOutput, SCurveQueryInput, SpiQueryInput, SpiRegionsOutput } from '@keyprojects/core';
import { apiRequest, type QueryValue } from './client.ts';

const asQuery = (query: object) => query as Record<string, QueryValue>;

/** A project's planned vs earned cumulative investment for the year and its SPI to date. */
export function useSCurve(projectId: number, query: SCurveQueryInput = {}, enabled = true) {
  return useQuery({
    queryKey: ['spi', 'project', projectId, query],
    queryFn: ({ signal }) =>
      apiRequest<SCurveOutput>(`/projects/${projectId}/s-curve`, { query: asQuery(query), signal }),
    enabled: enabled && projectId > 0,
  });
}

/** SPI per child region in scope. */
export function useRegionSpi(query: SpiQueryInput, enabled = true) {
  return useQuery({
    queryKey: ['spi', 'regions', query],
    queryFn: ({ signal }) => apiRequest<SpiRegionsOutput>('/stats/spi', { query: asQuery(query), signal }),
    enabled,
  });
}
