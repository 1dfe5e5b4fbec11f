/**
 * Production mode (KP_ENV=production or NODE_ENV=production): refuses the demo, the demo secret and insecure
 * cookies at start, naming each; has no demo-accounts route; and a plain start stays the demo and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.ts';
import { buildApp } from './app.ts';
import { fixedClock } from './clock.ts';
import { DEMO_SECRET_KEY, loadConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { assertNoDemoAccounts } from './demo/demo-guard.ts';
import { generateDaqingDemo } from './demo/daqing.generator.ts';
import { demoAccountsOf } from './demo/seed-demo.ts';
import { createUser } from './modules/user/user.service.ts';

const SECRET = 'a-real-secret-of-at-least-32-characters!';
const READY = { KP_ENV: 'production', SECRET_KEY: SECRET, COOKIE_SECURE: 'true' };

describe('loadConfig in production mode', () => {
  it('starts with its own secret and Secure cookies, with the demo off', () => {
    const config = loadConfig(READY);
    expect(config).toMatchObject({ production: true, demo: false, cookieSecure: true, secretKey: SECRET });
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: SECRET, COOKIE_SECURE: 'true' }).production).toBe(true);
  });

  it('refuses DEMO=true, the demo secret and COOKIE_SECURE=false, naming each', () => {
    expect(() => loadConfig({ ...READY, DEMO: 'true' })).toThrow(/DEMO: production mode never loads the demo/);
    expect(() => loadConfig({ KP_ENV: 'production', COOKIE_SECURE: 'true' })).toThrow(/SECRET_KEY: /);
    expect(() => loadConfig({ ...READY, SECRET_KEY: DEMO_SECRET_KEY })).toThrow(/SECRET_KEY: /);
    expect(() => loadConfig({ ...READY, COOKIE_SECURE: 'false' })).toThrow(/COOKIE_SECURE: /);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY: [^\n]*\n {2}COOKIE_SECURE: /);
  });

  it('stays the demo by default, with the demo secret', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ production: false, demo: true, secretKey: DEMO_SECRET_KEY });
    expect(loadConfig({ KP_ENV: 'demo', NODE_ENV: 'production' }).production).toBe(false);
  });
});

describe('the app in production mode and in the demo', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const appFor = async (env: Record<string, string>) => {
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), webDist: '/nonexistent' };
    const app = await buildApp({
      db: database.db,
      config,
      clock: fixedClock('2021-05-20'),
      demoAccounts: config.demo ? demoAccountsOf(generateDaqingDemo()) : [],
    });
    await app.ready();
    return app;
  };

  it('has no demo-accounts route in production (404, not in the OpenAPI document) and says it is not the demo', async () => {
    const app = await appFor(READY);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).statusCode).toBe(404);
      const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths)).not.toContain(
        '/api/v1/auth/demo-accounts',
      );
      const environment = await app.inject({ method: 'GET', url: '/api/v1/environment' });
      expect(environment.json()).toEqual({ demo: false, production: true, city: null });
    } finally {
      await app.close();
    }
  });

  it('lists the demo accounts and says “demo” to anyone in the demo', async () => {
    const app = await appFor({});
    try {
      const accounts = await app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' });
      expect(accounts.statusCode).toBe(200);
      expect(accounts.json<{ accounts: unknown[] }>().accounts.length).toBeGreaterThan(0);
      const environment = await app.inject({ method: 'GET', url: '/api/v1/environment' });
      expect(environment.statusCode).toBe(200);
      expect(environment.json()).toEqual({
        demo: true,
        production: false,
        city: { code: '230600', name: '大庆市', shortName: '大庆', nameEn: 'Daqing' },
      });
    } finally {
      await app.close();
    }
  });

  it('refuses to start production on a database holding a demo account', async () => {
    await expect(assertNoDemoAccounts(database.db)).resolves.toBeUndefined();
    const [first] = generateDaqingDemo().users;
    if (!first) throw new Error('no demo user');
    await createUser(database.db, null, {
      username: first.username,
      displayName: first.displayName,
      password: 'Another-Passw0rd!',
      role: 'leader',
      regionCode: '230600',
      organizationId: null,
    });
    await expect(assertNoDemoAccounts(database.db)).rejects.toThrow(new RegExp(first.username));
  });
});
