/** Renders every repository's query snapshot from a fresh migrated in-memory database (for the script and the test). */
import path from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { renderRepository, snapshotName, SNAPSHOT_DIR } from './capture.ts';
import { seedExamples } from './examples.ts';
import { REGISTRY } from './registry.ts';

/** Snapshot path → its text, for every repository of the registry. */
export async function renderSnapshots(): Promise<Map<string, string>> {
  const database = await openDatabase({ memory: true });
  try {
    await migrateToLatest(database.db);
    await seedExamples(database.db);
    const files = new Map<string, string>();
    for (const entry of REGISTRY)
      files.set(path.join(SNAPSHOT_DIR, snapshotName(entry)), await renderRepository(database.db, entry));
    return files;
  } finally {
    await database.close();
  }
}
