/**
 * The rankings (赛马排名, issue #13): the schemes, a ranking computed now, the what-if recomputation (never stored),
 * publishing an edition, the published editions (frozen), the data-quality scores and the xlsx exports. Every type
 * is core's contract (ranking.api.contract.ts).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DataQualityQueryJson,
  DataQualityResult,
  RankingEdition,
  RankingEditionList,
  RankingEditionListQueryJson,
  RankingPublishBodyJson,
  RankingPublishResult,
  RankingQueryJson,
  RankingResult,
  RankingSchemeList,
  RankingWhatIfBodyJson,
} from '@keyprojects/core';
import { apiRequest, apiUrl, type QueryValue } from './client.ts';

export const rankingKeys = {
  all: ['rankings'] as const,
  schemes: ['rankings', 'schemes'] as const,
  ranking: (query: RankingQueryJson) => ['rankings', 'computed', query] as const,
  editions: (query: RankingEditionListQueryJson) => ['rankings', 'editions', query] as const,
  edition: (id: number) => ['rankings', 'edition', id] as const,
  quality: (query: DataQualityQueryJson) => ['rankings', 'quality', query] as const,
};

const asQuery = (query: object) => query as Record<string, QueryValue>;

/** The schemes offered, each with its default period (the latest ended by the application's date). */
export function useRankingSchemes() {
  return useQuery({
    queryKey: rankingKeys.schemes,
    queryFn: ({ signal }) => apiRequest<RankingSchemeList>('/rankings/schemes', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The ranking of a period computed from today's data (null query: nothing asked yet). */
export function useRanking(query: RankingQueryJson | null) {
  return useQuery({
    queryKey: rankingKeys.ranking(query ?? { scheme: 'yanan', period: '' }),
    queryFn: ({ signal }) => apiRequest<RankingResult>('/rankings', { query: asQuery(query ?? {}), signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/** Recomputes the ranking with changed terms; nothing is stored. */
export function rankingWhatIf(body: RankingWhatIfBodyJson): Promise<RankingResult> {
  return apiRequest<RankingResult>('/rankings/what-if', { method: 'POST', body });
}

/** Publishes the period's ranking (idempotent: an existing edition of the same scheme version comes back). */
export function publishRanking(body: RankingPublishBodyJson): Promise<RankingPublishResult> {
  return apiRequest<RankingPublishResult>('/rankings/editions', { method: 'POST', body });
}

/** The published editions, newest first. */
export function useRankingEditions(query: RankingEditionListQueryJson) {
  return useQuery({
    queryKey: rankingKeys.editions(query),
    queryFn: ({ signal }) => apiRequest<RankingEditionList>('/rankings/editions', { query: asQuery(query), signal }),
  });
}

/** One published edition, frozen as it was published (null: none opened). */
export function useRankingEdition(id: number | null) {
  return useQuery({
    queryKey: rankingKeys.edition(id ?? 0),
    queryFn: ({ signal }) => apiRequest<RankingEdition>(`/rankings/editions/${String(id)}`, { signal }),
    enabled: id !== null && id > 0,
    staleTime: Infinity,
  });
}

/** The data-quality scores of the city's districts and of the projects the reader may see. */
export function useDataQuality(query: DataQualityQueryJson | null) {
  return useQuery({
    queryKey: rankingKeys.quality(query ?? { period: '' }),
    queryFn: ({ signal }) =>
      apiRequest<DataQualityResult>('/rankings/data-quality', { query: asQuery(query ?? {}), signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/** Forgets the cached rankings and editions after a publication. */
export function useInvalidateRankings() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: rankingKeys.all });
}

/** The xlsx of a computed ranking. */
export function rankingExportUrl(query: RankingQueryJson): string {
  return apiUrl('/rankings/export.xlsx', asQuery(query));
}

/** The xlsx of a published edition. */
export function editionExportUrl(id: number): string {
  return apiUrl(`/rankings/editions/${String(id)}/export.xlsx`);
}
