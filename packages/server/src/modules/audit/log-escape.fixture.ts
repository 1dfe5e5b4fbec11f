/**
 * Run by log-escape.test.ts in its own process with the hostile text as its argument: the app with info logging on stdout, a request whose URL and
 * a login whose username carry CR, LF and ESC, and the app's logger given that username as a field.
 */
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';

const EVIL = process.argv[2] ?? '';

const database = await openDatabase({ memory: true });
await migrateToLatest(database.db);
const config = { ...loadConfig({ LOG_LEVEL: 'info', DEMO: 'false' }), webDist: '/nonexistent' };
const app = await buildApp({ db: database.db, config, clock: fixedClock('2021-05-20'), demoAccounts: [] });
await app.inject({ method: 'GET', url: `/api/v1/projects/${encodeURIComponent(EVIL)}` });
await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: EVIL, password: 'x' } });
app.log.warn({ username: EVIL }, `login failed for ${EVIL}`);
await app.close();
await database.close();
