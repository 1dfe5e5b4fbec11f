/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** See MAP_BOUNDARY_GEOJSON_URL in config.ts. */
  readonly VITE_MAP_BOUNDARY_GEOJSON_URL?: string;
}
