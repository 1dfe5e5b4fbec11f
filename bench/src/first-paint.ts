/**
 * The dashboard's first paint in headless Chromium against a running app (issue #12, item 7):
 *   npm run bench:first-paint -w @keyprojects/bench -- --url http://127.0.0.1:3000 --runs 7
 * Signs in as the city administrator once, then opens /dashboard cold (a fresh browser context: empty cache)
 * `runs` times and prints the median and minimum time from navigation start to the first headline figure on
 * screen, with the JavaScript of that first route: bytes on the wire (as the server sent them) and gzip bytes
 * (each script gzipped here, so the figure does not depend on the server's compression).
 */
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    runs: { type: 'string', default: '7' },
    user: { type: 'string', default: 'daqing.admin' },
    password: { type: 'string', default: 'Daqing@2021demo' },
    // Throttled CPU (Chromium's emulation) for a slower machine than this one; 1 is none.
    cpu: { type: 'string', default: '1' },
    // Lists the first route's scripts with their gzip sizes (the largest first), to see what to cut.
    scripts: { type: 'boolean', default: false },
  },
});
const baseUrl = values.url.replace(/\/$/, '');
const runs = Number(values.runs);

interface Sample {
  firstFigureMs: number;
  jsWireBytes: number;
  jsGzipBytes: number;
  jsRawBytes: number;
  scripts: number;
  apiRequests: string[];
  scriptList: { url: string; gzip: number }[];
}

/** Records, in the page, when the first headline figure is attached and has a size (performance.now: from navigation start). */
const WATCH_FIRST_FIGURE = `
  (() => {
    const seen = () => {
      const el = document.querySelector('[data-testid^="figure-"]');
      if (el && el.getBoundingClientRect().height > 0 && !window.__firstFigure) {
        window.__firstFigure = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true });
  })();
`;

/** The first figure's time and the resources requested before it (Resource Timing: bytes on the wire and decoded). */
const BEFORE_FIRST_FIGURE = `(() => {
  const first = window.__firstFigure ?? -1;
  const before = performance.getEntriesByType('resource').filter((entry) => entry.startTime < first);
  return {
    firstFigureMs: first,
    scripts: before
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({ url: entry.name, wire: entry.encodedBodySize, raw: entry.decodedBodySize })),
    api: before.filter((entry) => entry.name.includes('/api/')).map((entry) => new URL(entry.name).pathname),
  };
})()`;

async function signIn(browser: Browser) {
  const context = await browser.newContext();
  const response = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { username: values.user, password: values.password },
  });
  if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

async function openCold(browser: Browser, state: Awaited<ReturnType<typeof signIn>>): Promise<Sample> {
  // A new context has an empty HTTP cache: every asset is fetched as on a first visit.
  const context = await browser.newContext({ storageState: state, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  if (values.cpu !== '1') {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.cpu) });
  }
  await page.addInitScript(WATCH_FIRST_FIGURE);
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      bodies.set(
        response.url(),
        response.body().catch(() => Buffer.alloc(0)),
      );
  });
  await page.goto(`${baseUrl}/dashboard`);
  await page.waitForFunction(() => (globalThis as { __firstFigure?: number }).__firstFigure !== undefined, null, {
    timeout: 30_000,
  });
  // The first route's JS and API calls: what the page asked for before the first figure was on screen (later
  // requests, such as the lazily loaded charts, do not hold the figures back).
  const { firstFigureMs, scripts, api } = await page.evaluate<{
    firstFigureMs: number;
    scripts: { url: string; wire: number; raw: number }[];
    api: string[];
  }>(BEFORE_FIRST_FIGURE);
  const sizes = await Promise.all(
    scripts.map(async (script) => {
      const body = await bodies.get(script.url);
      return { ...script, gzip: body ? gzipSync(body).length : 0 };
    }),
  );
  await context.close();
  return {
    firstFigureMs,
    jsWireBytes: sizes.reduce((sum, s) => sum + s.wire, 0),
    jsRawBytes: sizes.reduce((sum, s) => sum + s.raw, 0),
    jsGzipBytes: sizes.reduce((sum, s) => sum + s.gzip, 0),
    scripts: sizes.length,
    apiRequests: api,
    scriptList: sizes.map(({ url, gzip }) => ({ url, gzip })),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const state = await signIn(browser);
  await openCold(browser, state); // warm the server (first statistics query, file handles), not measured
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await openCold(browser, state));
  const times = samples.map((s) => s.firstFigureMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const last = samples.at(-1);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`first figure (${runs} cold loads of ${baseUrl}/dashboard, CPU ×${values.cpu})`);
  console.log(
    `  median ${median.toFixed(0)} ms, min ${(times[0] ?? 0).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms`,
  );
  if (last) {
    console.log(
      `first route JS: ${last.scripts} scripts, ${kb(last.jsRawBytes)} raw, ${kb(last.jsWireBytes)} on the wire, ${kb(last.jsGzipBytes)} gzip`,
    );
    console.log(`API requests before the figures: ${last.apiRequests.join(', ')}`);
    if (values.scripts)
      for (const script of [...last.scriptList].sort((a, b) => b.gzip - a.gzip))
        console.log(`  ${kb(script.gzip).padStart(9)}  ${new URL(script.url).pathname}`);
  }
} finally {
  await browser.close();
}
