/** Build plugins of the web app (vite.config.ts). */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes foo.js.br (brotli, quality 11) and foo.js.gz (gzip 9) beside every asset worth it, once at build: the
 * server sends them by Accept-Encoding (packages/server/src/web.ts says why this beats compressing per request).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kp-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const assets = path.join(outDir, 'assets');
      const files = (await readdir(assets)).filter((name) => /\.(js|css|svg|json)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(assets, name);
          const body = await readFile(file);
          if (body.length < 1024) return; // smaller than the headers it would save
          const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
          await writeFile(`${file}.br`, await brotli(body, { params }));
          await writeFile(`${file}.gz`, await gzipAsync(body, { level: 9 }));
        }),
      );
    },
  };
}

/**
 * Names the dashboard page's chunks in index.html (`<meta name="kp-preload-dashboard">`) for public/boot.js, which
 * preloads them when the address is /dashboard. Without it they start downloading only after the entry and its
 * imports have been fetched and evaluated (the entry's `import()` of the page), one round trip later than needed.
 * A meta list and a classic script, because the Content-Security-Policy allows no inline script.
 */
export function preloadDashboard(): Plugin {
  return {
    name: 'kp-preload-dashboard',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const entry = chunks.find((chunk) => chunk.isEntry);
        const page = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/pages/dashboard/DashboardPage.tsx'));
        if (!entry || !page) throw new Error('kp-preload-dashboard: the entry or the dashboard page chunk is missing');
        const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        // Vite already preloads the entry's static imports; the page's own static imports are what is left.
        const loaded = new Set([entry.fileName, ...entry.imports]);
        const wanted: string[] = [];
        const visit = (fileName: string): void => {
          if (loaded.has(fileName)) return;
          loaded.add(fileName);
          wanted.push(fileName);
          for (const next of byName.get(fileName)?.imports ?? []) visit(next);
        };
        visit(page.fileName);
        const content = wanted
          .filter((fileName) => !html.includes(`/${fileName}"`)) // already preloaded by Vite
          .map((fileName) => `/${fileName}`)
          .join(' ');
        return html.replace('</title>', `</title>\n    <meta name="kp-preload-dashboard" content="${content}" />`);
      },
    },
  };
}
