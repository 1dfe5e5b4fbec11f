/**
 * Where the server's own files are, whether it runs from source (tsx, vitest: this file is src/paths.ts) or from
 * the bundle `npm start` builds (dist/server.js, one file). Both sit one level under the server package, so the
 * package's directory is the parent of this module's directory in either case; reference data, the vendored
 * OC4IDS schema and the web build are found from there, never relative to a module that bundling moves.
 */
import path from 'node:path';

/** packages/server */
export const SERVER_ROOT = path.resolve(import.meta.dirname, '..');
/** The repository's root (the npm workspace). */
export const REPO_ROOT = path.resolve(SERVER_ROOT, '../..');
/** True when this process runs the built bundle (plain `node`), not the TypeScript sources. */
export const RUNS_BUILT = import.meta.filename.endsWith('.js');

/** A file of the server package, by its path inside the package (e.g. `reference/boundaries`). */
export function serverFile(...parts: string[]): string {
  return path.join(SERVER_ROOT, ...parts);
}
