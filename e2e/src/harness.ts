/**
 * Starts the real app for a browser test: a fresh database (PGlite, or a new database on the server named
 * by DATABASE_URL) with the demo city loaded, the built web app, and a port of its own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../packages/server/src/app.ts';
import { fixedClock } from '../../packages/server/src/clock.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { generateDaqingDemo } from '../../packages/server/src/demo/daqing.generator.ts';
import { seedDemoCity } from '../../packages/server/src/demo/dispatch/seed-dispatch.ts';
import { demoAccountsOf } from '../../packages/server/src/demo/seed-demo.ts';
import type { DaqingDemo, DemoUser } from '../../packages/server/src/demo/daqing.types.ts';
import { createTestDatabase } from '../../packages/server/test/database.ts';
import { chooseChromium } from './browser.ts';
import { LoginPage } from './pages/login.page.ts';

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
  const demo = generateDaqingDemo();
  const database = await createTestDatabase(demo.asOf);
  await seedDemoCity(database.db, demo);
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
 * Chromium, headless: the system's, or the one packaged in npm where there is none (browser.ts chooses).
 * Every page it opens is watched for Content-Security-Policy violations (the browser's console report); closing the browser fails the test file if any was seen, so every spec
 * proves that the built web app runs under the server's CSP.
 */
export async function launchChromium(): Promise<Browser> {
  const { options, source } = await chooseChromium();
  if (source === 'packaged')
    console.info(`Chromium: the build packaged in @sparticuz/chromium, ${options.executablePath}`);
  const browser = await chromium.launch(options);
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

/**
 * A demo user of the role signed in on a page of its own (own cookies), at `viewport` (a phone's context when it
 * is narrower than 500 pixels).
 */
export async function signedInPage(
  running: RunningApp,
  browser: Browser,
  role: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<{ page: Page; user: DemoUser }> {
  const user = running.demo.users.find((u) => u.role === role);
  if (!user) throw new Error(`the demo has no ${role} account`);
  const context = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: viewport.width < 500 });
  const page = await context.newPage();
  await new LoginPage(page).signIn(running.baseUrl, user.username, running.demo.password);
  return { page, user };
}

/** The app and the browser of one spec file, with a sign-in on a page of its own. */
export interface SpecRig {
  running: RunningApp;
  browser: Browser;
  /** A demo user of the role signed in on a page of its own (see signedInPage). */
  signIn(role: string, viewport?: { width: number; height: number }): Promise<{ page: Page; user: DemoUser }>;
}

/**
 * Starts the app and Chromium before the spec file's tests and closes both after them (call it at the top of the
 * file); the returned function gives the started rig inside the tests.
 */
export function startForSpec(): () => SpecRig {
  let rig: SpecRig | null = null;
  beforeAll(async () => {
    const [running, browser] = await Promise.all([startApp(), launchChromium()]);
    rig = { running, browser, signIn: (role, viewport) => signedInPage(running, browser, role, viewport) };
  });
  afterAll(async () => {
    if (!rig) return;
    await rig.browser.close();
    await rig.running.close();
  });
  return () => {
    if (!rig) throw new Error('the spec has not started yet');
    return rig;
  };
}
