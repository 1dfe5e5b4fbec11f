import { useQuery } from '@tanstack/react-query';
import { MAP_BOUNDARY_GEOJSON_URL } from '../../config.ts';
import { boundaryRings, type LngLat } from '../../lib/geojson.ts';

/** The configured boundary rings (none when no GeoJSON is configured or it cannot be read). */
export function useBoundary(): { configured: boolean; rings: LngLat[][]; failed: boolean } {
  const query = useQuery({
    queryKey: ['map-boundary', MAP_BOUNDARY_GEOJSON_URL],
    queryFn: async ({ signal }) => {
      if (!MAP_BOUNDARY_GEOJSON_URL) return [];
      const response = await fetch(MAP_BOUNDARY_GEOJSON_URL, { signal });
      if (!response.ok) throw new Error(`boundary: HTTP ${response.status}`);
      return boundaryRings(await response.json());
    },
    enabled: MAP_BOUNDARY_GEOJSON_URL !== null,
    staleTime: Infinity,
    retry: false,
    meta: { silentError: true },
  });
  return { configured: MAP_BOUNDARY_GEOJSON_URL !== null, rings: query.data ?? [], failed: query.isError };
}
