/**
 * Builds the server to JavaScript for `npm start` (issue #14 item 9): a deployment runs `node dist/server.js`, not
 * TypeScript through tsx. esbuild bundles the server's own code and @keyprojects/core (TypeScript sources, which
 * plain node cannot load) into dist/; every other package stays an import of node_modules, so native files and
 * data the packages read beside themselves (PGlite's wasm, pdfkit's fonts) are found where npm put them. The PDF
 * worker is its own entry because it runs in a worker thread (bulletin.pdf-runner.ts). Takes about a second.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: {
    server: 'src/server.ts',
    cli: 'src/cli.ts',
    'bulletin.pdf.worker': 'src/modules/bulletin/bulletin.pdf.worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Packages from node_modules are loaded by node as installed; only the workspace's own code is bundled.
  external: Object.keys(manifest.dependencies),
  // Bundled CommonJS helpers may still call require(); give ESM output one.
  banner: {
    js: "import { createRequire as __kpCreateRequire } from 'node:module'; const require = __kpCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`server built to dist/ in ${String(Math.round(performance.now() - started))} ms`);
