/**
 * `npm run sql:snapshots`: writes packages/server/queries/<name>.repository.sql for every repository of the registry,
 * from a fresh migrated in-memory database. Commit the files with the change that altered them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSnapshots } from './snapshots.ts';

const files = await renderSnapshots();
mkdirSync(path.dirname([...files.keys()][0] ?? '.'), { recursive: true });
for (const [file, text] of files) writeFileSync(file, text);
console.log(
  `wrote ${String(files.size)} query snapshots to ${path.relative(process.cwd(), path.dirname([...files.keys()][0] ?? '.'))}`,
);
