/**
 * Starts KeyProjects: opens the database (embedded or PostgreSQL), migrates it, loads the demo city into
 * an empty database when DEMO is on (never in production mode), and listens. Only this file listens; everything else is app.ts.
 */
import { ROLE_LABELS, type DemoAccount } from '@keyprojects/core';
import { buildApp } from './app.ts';
import { fixedClock, systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { registerBackupControl, writeControlFile } from './modules/backup/backup.control.ts';
import { startJobs } from './jobs/scheduler.ts';
import { generateDaqingDemo } from './demo/daqing.generator.ts';
import { seedDemoCity } from './demo/dispatch/seed-dispatch.ts';
import { demoAccountsOf } from './demo/seed-demo.ts';
import { assertNoDemoAccounts } from './demo/demo-guard.ts';
import { openConfiguredDatabase } from './runtime.ts';

async function main() {
  const config = loadConfig();
  // The demo city lives on its own date (2021-05-20) unless TODAY says otherwise; the database follows it too.
  const demo = config.demo ? generateDaqingDemo() : null;
  const today = config.today ?? demo?.asOf;
  const clock = today ? fixedClock(today) : systemClock;
  const database = await openConfiguredDatabase(config, today);
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);

  // Production never loads the demo (loadConfig refused DEMO=true) and never runs on a database holding it.
  if (config.production) await assertNoDemoAccounts(database.db);

  let demoAccounts: DemoAccount[] = [];
  if (demo) {
    const result = await seedDemoCity(database.db, demo);
    if (result.seeded)
      console.log(
        `demo city ${demo.cityName} loaded: ${result.projects} projects, ${result.organizations} organisations`,
      );
    demoAccounts = demoAccountsOf(demo);
  }

  const app = await buildApp({ db: database.db, readDb: database.readDb, config, clock, demoAccounts });
  // Embedded PGlite: the CLI cannot open the directory this process holds, so it asks for backups here.
  const controlToken = database.kind === 'pglite' ? registerBackupControl(app, database.db) : null;
  const stopJobs = await startJobs({ db: database.db, clock, log: app.log });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  if (controlToken) writeControlFile(config.dataDir, listeningPort(app, config.port), controlToken);
  console.log(
    `\nKeyProjects is running at ${address.replace('127.0.0.1', 'localhost')}  (database: ${database.kind} ${database.location})`,
  );
  console.log(`API documentation: ${address}/api/docs (signed-in users)`);
  if (config.production) console.log('Production mode: no demo data, no demo accounts.');
  else if (config.demo)
    console.log('演示环境 · 数据为模拟 / Demo environment: the data is simulated (KP_ENV=production for real use).');
  if (demoAccounts.length > 0) {
    console.log('\nDemo accounts (演示账号):');
    for (const account of demoAccounts) {
      console.log(
        `  ${account.username.padEnd(16)} ${account.password}   ${ROLE_LABELS[account.role].zh} / ${account.displayName}`,
      );
    }
  }
}

/** The port the server listens on (PORT=0 picks a free one). */
function listeningPort(app: { server: { address(): unknown } }, configured: number): number {
  const address = app.server.address();
  return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : configured;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
