import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { oc4idsCommands } from '../../cli/oc4ids.commands.ts';
import type { CliValues } from '../../cli/command.ts';
import { runCommand } from '../../../test/cli.ts';
import { createTestDatabase } from '../../../test/database.ts';
import { createTestUser } from '../../../test/factories.ts';
import { SHARED_OC4IDS_DIR, officialExample, sharedValidator } from './oc4ids.fixtures.ts';

let database: Database;
let sandboxAdmin: string;
const dir = mkdtempSync(path.join(tmpdir(), 'kp-oc4ids-cli-'));

beforeAll(async () => {
  database = await createTestDatabase();
  // The first city administrator (the default actor) is 大庆's; the sandbox admin comes second.
  await createTestUser(database.db, 'city_admin', { regionCode: '230600' });
  sandboxAdmin = (await createTestUser(database.db, 'city_admin', { regionCode: '990000' })).username;
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, args: string[], values: CliValues = {}): Promise<Record<string, unknown>> {
  return (await runCommand(oc4idsCommands, name, database, values, args)).output;
}

describe('the OC4IDS commands', () => {
  it('import-oc4ids loads the example as the first city administrator, idempotently', async () => {
    const example = path.join(SHARED_OC4IDS_DIR, 'examples/example.json');
    expect(await run('import-oc4ids', [example])).toMatchObject({ created: 1, regionCode: '990100' });
    expect(await run('import-oc4ids', [example])).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('export-oc4ids writes a valid package of what the named user sees', async () => {
    const out = path.join(dir, 'sandbox.json');
    expect(await run('export-oc4ids', [], { out, as: sandboxAdmin })).toMatchObject({ projects: 1 });
    const written: unknown = JSON.parse(readFileSync(out, 'utf8'));
    const validate = sharedValidator();
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses to write an empty package and names the fields of an invalid one', async () => {
    await expect(run('export-oc4ids', [], { out: path.join(dir, 'empty.json') })).rejects.toThrow(/sees no projects/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...officialExample(), version: 'one' }));
    await expect(run('import-oc4ids', [bad])).rejects.toThrow(/invalid OC4IDS package: .*"version"/);
  });
});
