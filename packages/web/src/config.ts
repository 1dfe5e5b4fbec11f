/** Deployment settings of the web app, fixed at build time from Vite's environment (VITE_*). */

/**
 * A GeoJSON file (FeatureCollection of polygons in longitude/latitude, e.g. the city's district boundaries) drawn
 * under the dashboard's project map. No boundary data ships with the product: unset, the map shows the points on
 * plain longitude/latitude axes. Set VITE_MAP_BOUNDARY_GEOJSON_URL when building to use one (same origin, or CORS).
 */
export const MAP_BOUNDARY_GEOJSON_URL: string | null = import.meta.env.VITE_MAP_BOUNDARY_GEOJSON_URL ?? null;
