/**
 * What a project ledger's rows refer to, loaded in bulk once per import instead of per row: regions,
 * stages, organisations, service officers, and the live projects with the file's codes (the visible ones
 * in full, as the project repository shows them, to compare against; the others only to know their codes are taken).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { normaliseLabel, type ProjectOutput } from '@keyprojects/core';
import type { DB } from '../../../db/schema.ts';
import { takenProjectCodes } from '../../../db/scope.ts';
import type { Actor } from '../../auth/actor.ts';
import { findProjects } from '../../project/project.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** An organisation a row may name. */
export interface OrgRef {
  id: number;
  name: string;
  creditCode: string | null;
  /** Where it is based (for the scope rule on owners). */
  regionCode: string;
}
/** A service officer a row may name. */
export interface OfficerRef {
  id: number;
  username: string;
  displayName: string;
  /** Where the officer is based: its own region, else its organisation's (for the scope rule on officers). */
  home: string | null;
}
/** A configured lifecycle stage. */
export interface StageRef {
  code: string;
  zh: string;
  en: string;
}

/** Lookup tables keyed the way ledger cells name things. */
export interface References {
  regionName: Map<string, string>;
  regionCodesByName: Map<string, string[]>;
  stages: StageRef[];
  stageByLabel: Map<string, string>;
  orgById: Map<number, OrgRef>;
  orgByCredit: Map<string, OrgRef>;
  orgsByName: Map<string, OrgRef[]>;
  officerById: Map<number, OfficerRef>;
  officerByUsername: Map<string, OfficerRef>;
  officersByName: Map<string, OfficerRef[]>;
}

/** Codes are looked up in chunks (one array parameter each) so no statement grows without bound. */
const CHUNK = 1_000;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Loads regions, stages, organisations and service officers. */
export async function loadReferences(db: Db): Promise<References> {
  const [regions, stages, orgs, officers] = await Promise.all([
    db.selectFrom('regions').select(['code', 'name']).execute(),
    db.selectFrom('lifecycle_stages').select(['code', 'name_zh', 'name_en']).orderBy('sort_order').execute(),
    db.selectFrom('organizations').select(['id', 'name', 'credit_code', 'region_code']).execute(),
    db
      .selectFrom('users as u')
      .leftJoin('organizations as o', 'o.id', 'u.organization_id')
      .select([
        'u.id',
        'u.username',
        'u.display_name',
        sql<string | null>`coalesce(u.region_code, o.region_code)`.as('home'),
      ])
      .where('u.role', '=', 'service_officer')
      .where('u.disabled', '=', false)
      .execute(),
  ]);
  const refs: References = {
    regionName: new Map(regions.map((r) => [r.code, r.name])),
    regionCodesByName: new Map(),
    stages: stages.map((s) => ({ code: s.code, zh: s.name_zh, en: s.name_en })),
    stageByLabel: new Map(),
    orgById: new Map(),
    orgByCredit: new Map(),
    orgsByName: new Map(),
    officerById: new Map(),
    officerByUsername: new Map(),
    officersByName: new Map(),
  };
  for (const region of regions) push(refs.regionCodesByName, normaliseLabel(region.name), region.code);
  for (const stage of refs.stages) {
    for (const label of [stage.code, stage.zh, stage.en]) refs.stageByLabel.set(normaliseLabel(label), stage.code);
  }
  for (const row of orgs) {
    const org = { id: row.id, name: row.name, creditCode: row.credit_code, regionCode: row.region_code };
    refs.orgById.set(org.id, org);
    if (org.creditCode) refs.orgByCredit.set(org.creditCode, org);
    push(refs.orgsByName, normaliseLabel(org.name), org);
  }
  for (const row of officers) {
    const officer = { id: row.id, username: row.username, displayName: row.display_name, home: row.home };
    refs.officerById.set(officer.id, officer);
    refs.officerByUsername.set(officer.username.toLowerCase(), officer);
    push(refs.officersByName, normaliseLabel(officer.displayName), officer);
  }
  return refs;
}

/** The live projects with these codes: visible ones as the API shows them (with version), and the codes of the rest. */
export interface ExistingProjects {
  visible: Map<string, ProjectOutput>;
  taken: Set<string>;
}

/**
 * Loads the live projects whose codes appear in the file: the visible ones in full, and of the rest only that their
 * codes are taken (the scope module's "code exists anywhere", which never says where).
 */
export async function loadExisting(db: Db, actor: Actor, codes: readonly string[]): Promise<ExistingProjects> {
  const existing: ExistingProjects = { visible: new Map(), taken: new Set() };
  for (let start = 0; start < codes.length; start += CHUNK) {
    const chunk = codes.slice(start, start + CHUNK);
    for (const code of await takenProjectCodes(db, chunk)) existing.taken.add(code);
    for (const project of await findProjects(db, actor, { codes: chunk })) {
      existing.visible.set(project.code, project);
      existing.taken.delete(project.code);
    }
  }
  return existing;
}
