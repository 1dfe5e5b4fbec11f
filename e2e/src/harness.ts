/**
 * Starts the real app for a browser test: a fresh database (PGlite, or a new database on the server named
 * by DATABASE_URL) with the demo city loaded, the built web app, and a port of its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../packages/server/src/app.ts';
import { fixedClock } from '../../packages/server/src/clock.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { generateDaqingDemo } from '../../packages/server/src/demo/daqing.generator.ts';
import { demoAccountsOf, seedDemo } from '../../packages/server/src/demo/seed-demo.ts';
import type { DaqingDemo } from '../../packages/server/src/demo/daqing.types.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';

export interface RunningApp {
  baseUrl: string;
  demo: DaqingDemo;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const config = { ...loadConfig({ LOG_LEVEL: 'warn', DEMO: 'true' }) };
  if (!existsSync(path.join(config.webDist, 'index.html'))) {
    throw new Error(`the web app is not built (${config.webDist}); run npm run build -w @keyprojects/web`);
  }
  const database = await createTestDatabase();
  const demo = generateDaqingDemo();
  await seedDemo(database.db, demo);
  const app = await buildApp({
    db: database.db,
    config,
    clock: fixedClock(demo.asOf),
    demoAccounts: demoAccountsOf(demo),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    demo,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no network chatter).
 * Every page it opens is watched for Content-Security-Policy violations (the browser's console report); closing the browser fails the test file if any was seen, so every spec
 * proves that the built web app runs under the server's CSP.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return watchCsp(browser);
}

/** Records CSP violations of every page of every context; `browser.close()` throws listing them. */
function watchCsp(browser: Browser): Browser {
  const violations: string[] = [];
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
  };
  const watchContext = async (context: BrowserContext) => {
    // Chromium reports every violation on the console ("Refused to … because it violates the following Content
    // Security Policy directive"). No init script listens for securitypolicyviolation: Playwright runs init
    // scripts through eval, which itself shows up as a script-src eval violation.
    context.on('page', watchPage);
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchContext(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    return context.newPage();
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    await close(options);
    if (violations.length > 0) throw new Error(`CSP violations:\n${violations.join('\n')}`);
  };
  return browser;
}
