/**
 * Kysely access to the financing-needs list (issue #13 item 4): needs of the projects an actor sees, editions and
 * the needs frozen into them, and the matches financial institutions register. Edition rows never join a project:
 * what an institution reads is the copy made when the edition was published.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FinancingNeedInput, MatchState } from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { scopedProjects, type ScopeActor } from '../../db/scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Records a declared need. */
export async function insertNeed(
  trx: Transaction<DB>,
  input: FinancingNeedInput,
  declaredOn: string,
  createdBy: number,
): Promise<number> {
  const { id } = await trx
    .insertInto('financing_needs')
    .values({
      project_id: input.projectId,
      amount: input.amount,
      instrument: input.instrument,
      term_months: input.termMonths,
      purpose: input.purpose,
      collateral: input.collateral,
      declared_on: declaredOn,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The needs of the projects the actor sees, newest first, each with what its matches signed. */
export function listNeeds(db: Db, actor: ScopeActor, filter: { id?: number } = {}) {
  return scopedProjects(db, actor)
    .innerJoin('financing_needs as n', 'n.project_id', 'projects.id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .$if(filter.id !== undefined, (qb) => qb.where('n.id', '=', filter.id ?? 0))
    .select((eb) => [
      'n.id',
      'projects.id as projectId',
      'projects.code as projectCode',
      'projects.name as projectName',
      'r.name as regionName',
      'n.amount',
      'n.instrument',
      'n.term_months as termMonths',
      'n.purpose',
      'n.collateral',
      sql<string>`n.declared_on::text`.as('declaredOn'),
      eb
        .selectFrom('financing_matches as m')
        .whereRef('m.need_id', '=', 'n.id')
        .where('m.state', '=', 'signed')
        .select(sql<string>`coalesce(sum(m.signed_amount), 0)`.as('s'))
        .as('signed'),
    ])
    .orderBy('n.declared_on', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}
export type NeedRow = Awaited<ReturnType<typeof listNeeds>>[number];

/**
 * Creates the edition unless it exists: the code is unique, so a second publication of the same edition (or a
 * racing one, which waits for the first to commit) inserts nothing and answers undefined.
 */
export async function insertEdition(
  trx: Transaction<DB>,
  edition: { code: string; year: number; number: number },
  publishedOn: string,
  publishedBy: number,
): Promise<number | undefined> {
  const row = await trx
    .insertInto('financing_editions')
    .values({
      code: edition.code,
      year: edition.year,
      number: edition.number,
      published_on: publishedOn,
      published_by: publishedBy,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Freezes into the edition the open needs of the publisher's projects: declared by the publication day and not yet
 * signed in full. The project's name and district are copied, so the published list never changes afterwards.
 */
export async function freezeNeeds(trx: Transaction<DB>, actor: ScopeActor, editionId: number, publishedOn: string) {
  const open = scopedProjects(trx, actor)
    .innerJoin('financing_needs as n', 'n.project_id', 'projects.id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .where('n.declared_on', '<=', publishedOn)
    .where(
      (eb) =>
        eb
          .selectFrom('financing_matches as m')
          .whereRef('m.need_id', '=', 'n.id')
          .where('m.state', '=', 'signed')
          .select(sql<bigint>`coalesce(sum(m.signed_amount), 0)`.as('s')),
      '<',
      sql.ref<bigint>('n.amount'),
    )
    .select([
      sql.lit(editionId).as('edition_id'),
      'n.id as need_id',
      'projects.name as project_name',
      'projects.region_code as region_code',
      'r.name as region_name',
      'n.amount',
      'n.instrument',
      'n.term_months',
      'n.purpose',
      'n.collateral',
    ]);
  await trx
    .insertInto('financing_edition_items')
    .columns([
      'edition_id',
      'need_id',
      'project_name',
      'region_code',
      'region_name',
      'amount',
      'instrument',
      'term_months',
      'purpose',
      'collateral',
    ])
    .expression(open)
    .execute();
}

/** Published editions (all, or one by id or code), newest first, with their needs' count and amount. */
export function listEditions(db: Db, filter: { id?: number; code?: string } = {}) {
  return db
    .selectFrom('financing_editions as e')
    .$if(filter.id !== undefined, (qb) => qb.where('e.id', '=', filter.id ?? 0))
    .$if(filter.code !== undefined, (qb) => qb.where('e.code', '=', filter.code ?? ''))
    .select((eb) => [
      'e.id',
      'e.code',
      'e.year',
      'e.number',
      sql<string>`e.published_on::text`.as('publishedOn'),
      eb
        .selectFrom('financing_edition_items as i')
        .whereRef('i.edition_id', '=', 'e.id')
        .select(sql<string>`count(*)`.as('n'))
        .as('needs'),
      eb
        .selectFrom('financing_edition_items as i')
        .whereRef('i.edition_id', '=', 'e.id')
        .select(sql<string>`coalesce(sum(i.amount), 0)`.as('s'))
        .as('amount'),
    ])
    .orderBy('e.year', 'desc')
    .orderBy('e.number', 'desc')
    .execute();
}
export type EditionRow = Awaited<ReturnType<typeof listEditions>>[number];

/** An edition's frozen needs, each with what its matches in this edition signed. */
export function editionItems(db: Db, editionId: number) {
  return db
    .selectFrom('financing_edition_items as i')
    .where('i.edition_id', '=', editionId)
    .select((eb) => [
      'i.need_id as needId',
      'i.project_name as projectName',
      'i.region_name as regionName',
      'i.amount',
      'i.instrument',
      'i.term_months as termMonths',
      'i.purpose',
      'i.collateral',
      eb
        .selectFrom('financing_matches as m')
        .whereRef('m.edition_id', '=', 'i.edition_id')
        .whereRef('m.need_id', '=', 'i.need_id')
        .where('m.state', '=', 'signed')
        .select(sql<string>`coalesce(sum(m.signed_amount), 0)`.as('s'))
        .as('signed'),
    ])
    .orderBy('i.region_code')
    .orderBy('i.need_id')
    .execute();
}
export type EditionItemRow = Awaited<ReturnType<typeof editionItems>>[number];

/** Registers an institution's interest; undefined when it already has one for this need of the edition. */
export async function insertMatch(
  trx: Transaction<DB>,
  match: {
    editionId: number;
    needId: number;
    institutionUserId: number | null;
    institution: string;
    note: string | null;
  },
  createdBy: number,
): Promise<number | undefined> {
  const row = await trx
    .insertInto('financing_matches')
    .values({
      edition_id: match.editionId,
      need_id: match.needId,
      institution_user_id: match.institutionUserId,
      institution: match.institution,
      note: match.note,
      created_by: createdBy,
    })
    .onConflict((oc) => oc.columns(['edition_id', 'need_id', 'institution']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Matches with their edition and need (one institution's only, when given), newest first. */
export function listMatches(db: Db, filter: { institutionUserId?: number; id?: number; editionId?: number }) {
  return db
    .selectFrom('financing_matches as m')
    .innerJoin('financing_editions as e', 'e.id', 'm.edition_id')
    .innerJoin('financing_edition_items as i', (join) =>
      join.onRef('i.edition_id', '=', 'm.edition_id').onRef('i.need_id', '=', 'm.need_id'),
    )
    .$if(filter.institutionUserId !== undefined, (qb) =>
      qb.where('m.institution_user_id', '=', filter.institutionUserId ?? 0),
    )
    .$if(filter.id !== undefined, (qb) => qb.where('m.id', '=', filter.id ?? 0))
    .$if(filter.editionId !== undefined, (qb) => qb.where('m.edition_id', '=', filter.editionId ?? 0))
    .select([
      'm.id',
      'm.edition_id as editionId',
      'e.code as editionCode',
      'm.need_id as needId',
      'i.project_name as projectName',
      'i.region_name as regionName',
      'i.amount as needAmount',
      'm.institution',
      'm.institution_user_id as institutionUserId',
      'm.state',
      'm.signed_amount as signedAmount',
      'm.note',
      'm.version',
    ])
    .orderBy('m.id', 'desc')
    .execute();
}
export type MatchRow = Awaited<ReturnType<typeof listMatches>>[number];

/**
 * Moves a match from the state the caller read, at the version it read: a conditional update, so that of two
 * racing moves exactly one wins (the other updates nothing and answers undefined).
 */
export async function moveMatch(
  trx: Transaction<DB>,
  id: number,
  expected: { state: MatchState; version: number },
  next: { state: MatchState; signedAmount: bigint | null; note: string | null },
): Promise<number | undefined> {
  const row = await trx
    .updateTable('financing_matches')
    .set((eb) => ({
      state: next.state,
      signed_amount: next.signedAmount,
      note: next.note === null ? eb.ref('note') : next.note,
      updated_at: sql<Date>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('state', '=', expected.state)
    .where('version', '=', expected.version)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
