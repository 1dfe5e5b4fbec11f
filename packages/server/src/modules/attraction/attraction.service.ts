/**
 * The attraction pipeline's rules (招商): permission first, then scope (a lead out of sight is "not found"), then
 * the change and its audit row in one transaction. Moves follow core's leadMoveRefusal (refused with its reason);
 * every write is conditional on the version read, so of two racing changes one wins and the other gets 412/409.
 * A signed lead becomes a key project through the project module's own create (its name, region, industry,
 * amount and responsible unit carried over), linked in the same transaction: the project's 'create' and the
 * lead's 'convert' rows are both audited, and a conversion that fails leaves neither.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  attractionBatches,
  attractionYearCounts,
  currentTransition,
  formatWan,
  isWithinRegion,
  leadMoveRefusal,
  pipelineFunnel,
  sumFen,
  SIX_LISTS,
  type AttractionSummary,
  type AttractionSummaryQuery,
  type LeadConversionInput,
  type LeadInput,
  type LeadList,
  type LeadListQuery,
  type LeadMoveInput,
  type LeadOutput,
  type LeadStage,
  type LifecyclePhase,
  type SixListsOutput,
  type SixListsQuery,
} from '@keyprojects/core';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { transitionsOf } from '../batch/batch.repository.ts';
import { registerOrganizationIn } from '../organization/organization.service.ts';
import { creditCodeTaken } from '../organization/organization.repository.ts';
import { createProjectInTransaction } from '../project/project.service.ts';
import { regionExists } from '../region/region.repository.ts';
import { toLeadOutput } from './attraction.presenter.ts';
import * as repo from './attraction.repository.ts';

export interface AttractionDeps {
  db: Kysely<DB>;
  clock: Clock;
}
type Db = Kysely<DB> | Transaction<DB>;

/** A region filter must lie inside a region-scoped actor's own region. */
function checkRegionFilter(actor: Actor, regionCode: string | undefined): void {
  if (regionCode && actor.regionCode && !isWithinRegion(regionCode, actor.regionCode))
    throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** A visible lead's row (exact amount, project dates) and its presentation. */
interface Loaded {
  row: repo.LeadRow;
  lead: LeadOutput;
}

/** The visible leads matching the filter, presented with their projects' phases on the application's date. */
async function loadLeads(db: Db, actor: Actor, today: string, filter: repo.LeadFilter): Promise<Loaded[]> {
  const rows = await repo.listLeads(db, actor, filter);
  const projectIds = rows.flatMap((row) => (row.projectId === null ? [] : [row.projectId]));
  const facts = await transitionsOf(db, projectIds);
  const phase = (projectId: number | null): LifecyclePhase | null =>
    projectId === null
      ? null
      : (currentTransition(
          facts.filter((f) => f.projectId === projectId),
          today,
        )?.phase ?? null);
  return rows.map((row) => ({ row, lead: toLeadOutput(row, phase(row.projectId)) }));
}

const totalOf = (loaded: readonly Loaded[]) => formatWan(sumFen(loaded.map((l) => l.row.amount)));

/** The leads the actor may see, newest first; `list` narrows to one of the six lists. */
export async function listLeads(deps: AttractionDeps, actor: Actor, query: LeadListQuery): Promise<LeadList> {
  requirePermission(actor, 'attraction.read');
  checkRegionFilter(actor, query.regionCode);
  const all = await loadLeads(deps.db, actor, deps.clock.today(), query);
  const matching = query.list === undefined ? all : all.filter((l) => l.lead.sixList === query.list);
  return { items: matching.map((l) => l.lead), totalAmount: totalOf(matching) };
}

/** One visible lead; 404 when out of sight. */
export async function getLead(deps: AttractionDeps, actor: Actor, id: number): Promise<LeadOutput> {
  requirePermission(actor, 'attraction.read');
  return leadIn(deps.db, actor, deps.clock.today(), id);
}

async function leadIn(db: Db, actor: Actor, today: string, id: number): Promise<LeadOutput> {
  return (await loadedIn(db, actor, today, id)).lead;
}

async function loadedIn(db: Db, actor: Actor, today: string, id: number): Promise<Loaded> {
  const [loaded] = await loadLeads(db, actor, today, { id });
  if (!loaded) throw errors.notFound();
  return loaded;
}

async function checkRegion(db: Db, actor: Actor, regionCode: string): Promise<void> {
  if (!(await regionExists(db, regionCode))) throw errors.invalidField('regionCode', 'region.unknown');
  if (!regionInScope(actor, regionCode)) throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** Enters a lead, in talks, dated today. */
export async function createLead(deps: AttractionDeps, actor: Actor, input: LeadInput): Promise<LeadOutput> {
  requirePermission(actor, 'attraction.manage');
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    await checkRegion(trx, actor, input.regionCode);
    const id = await repo.insertLead(trx, input, actor.id);
    const created = await leadIn(trx, actor, today, id);
    await audit(trx, actor, created, 'create', undefined);
    return created;
  });
}

const audit = (
  trx: Transaction<DB>,
  actor: Actor,
  after: LeadOutput,
  action: 'create' | 'update' | 'convert',
  before: LeadOutput | undefined,
) =>
  recordAudit(trx, actor, {
    entityType: 'attraction_lead',
    entityId: after.id,
    action,
    regionCode: after.regionCode,
    ...(before ? { before } : {}),
    after,
  });

/** The visible lead locked for a change by a manager, at the version the client read (404 / 412 otherwise). */
async function lockAt(trx: Transaction<DB>, actor: Actor, id: number, version: number) {
  const lead = await repo.lockLead(trx, actor, id);
  if (!lead) throw errors.notFound();
  if (!regionInScope(actor, lead.regionCode)) throw errors.forbidden();
  if (lead.version !== version) throw errors.versionConflict();
  return lead;
}

/** Replaces a lead's own fields (not its stage or dates). */
export async function updateLead(
  deps: AttractionDeps,
  actor: Actor,
  id: number,
  version: number,
  input: LeadInput,
): Promise<LeadOutput> {
  requirePermission(actor, 'attraction.manage');
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    await lockAt(trx, actor, id, version);
    await checkRegion(trx, actor, input.regionCode);
    const before = await leadIn(trx, actor, today, id);
    if (!(await repo.updateLead(trx, id, version, input))) throw errors.versionConflict();
    const after = await leadIn(trx, actor, today, id);
    await audit(trx, actor, after, 'update', before);
    return after;
  });
}

/** Moves a lead by hand (core's leadMoveRefusal says where it may go; 409 with the reason otherwise). */
export async function moveLead(
  deps: AttractionDeps,
  actor: Actor,
  id: number,
  version: number,
  input: LeadMoveInput,
): Promise<LeadOutput> {
  requirePermission(actor, 'attraction.manage');
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const lead = await lockAt(trx, actor, id, version);
    const before = await leadIn(trx, actor, today, id);
    const refusal = leadMoveRefusal(lead.stage as LeadStage, input.stage, before.projectPhase);
    if (refusal) throw errors.conflict(refusal);
    // leadMoveRefusal lets only these through (registration is the conversion).
    const to = input.stage as 'framework' | 'contract' | 'upgrade' | 'dropped';
    if (!(await repo.moveLead(trx, id, version, lead.stage as LeadStage, to))) throw errors.versionConflict();
    const after = await leadIn(trx, actor, today, id);
    await audit(trx, actor, after, 'update', before);
    return after;
  });
}

/**
 * Converts a signed lead into a key project: the owner picked or registered on the way, the project created by
 * the project module from the lead's data, and the lead linked to it, all in one transaction.
 */
export async function convertLead(
  deps: AttractionDeps,
  actor: Actor,
  id: number,
  version: number,
  input: LeadConversionInput,
): Promise<LeadOutput> {
  requirePermission(actor, 'attraction.manage');
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (trx) => {
    const lead = await lockAt(trx, actor, id, version);
    if (lead.stage !== 'contract' || lead.projectId !== null) throw errors.conflict('attraction.convertNeedsContract');
    const { row, lead: before } = await loadedIn(trx, actor, today, id);
    const ownerOrgId = await ownerFor(trx, actor, input, before.regionCode);
    const project = await createProjectInTransaction(trx, actor, {
      code: input.code,
      name: before.projectName,
      ownerOrgId,
      regionCode: before.regionCode,
      levels: input.levels,
      category: input.category,
      industry: before.industry,
      nature: input.nature,
      totalInvestment: row.amount,
      plannedStartDate: input.plannedStartDate ?? null,
      plannedCompletionDate: input.plannedCompletionDate ?? null,
      constructionContent: input.constructionContent,
      // The project form holds a shorter unit name; a longer one stays on the lead.
      responsibleUnit: before.responsibleUnit.length <= 100 ? before.responsibleUnit : null,
      stage: 'preparation',
      tags: ['招商引资'],
      inStatistics: false,
      fundingSources: [],
      annualPlans: [],
    });
    if (!(await repo.registerLead(trx, id, version, project.id))) throw errors.versionConflict();
    const after = await leadIn(trx, actor, today, id);
    await audit(trx, actor, after, 'convert', before);
    return after;
  });
}

/** The conversion's owner: the one picked (checked by the project's create), or a new one in the lead's region. */
async function ownerFor(trx: Transaction<DB>, actor: Actor, input: LeadConversionInput, regionCode: string) {
  if (input.ownerOrgId != null) return input.ownerOrgId;
  const name = input.newOwnerName;
  if (name === null) throw errors.invalidField('ownerOrgId', 'attraction.ownerRequired');
  if (input.newOwnerCreditCode && (await creditCodeTaken(trx, input.newOwnerCreditCode)))
    throw errors.invalidField('newOwnerCreditCode', 'creditCode.taken');
  const owner = await registerOrganizationIn(trx, actor, {
    kind: 'owner',
    name,
    creditCode: input.newOwnerCreditCode,
    regionCode,
  });
  return owner.id;
}

/** The six lists (招商、开工、在建、投产、达产、技改) over the visible leads. */
export async function sixLists(deps: AttractionDeps, actor: Actor, query: SixListsQuery): Promise<SixListsOutput> {
  requirePermission(actor, 'attraction.read');
  checkRegionFilter(actor, query.regionCode);
  const leads = await loadLeads(deps.db, actor, deps.clock.today(), { regionCode: query.regionCode });
  return {
    lists: SIX_LISTS.map((list) => {
      const matching = leads.filter((l) => l.lead.sixList === list);
      return { list, count: matching.length, amount: totalOf(matching), items: matching.map((l) => l.lead) };
    }),
  };
}

/** The year's figures: the funnel, planned / signed / landed per district and in all, and the three batches. */
export async function attractionSummary(
  deps: AttractionDeps,
  actor: Actor,
  query: AttractionSummaryQuery,
): Promise<AttractionSummary> {
  requirePermission(actor, 'attraction.read');
  checkRegionFilter(actor, query.regionCode);
  const today = deps.clock.today();
  const year = query.year ?? Number(today.slice(0, 4));
  const loaded = await loadLeads(deps.db, actor, today, { regionCode: query.regionCode });
  const leads = loaded.map((l) => l.lead);
  const dates = (lead: LeadOutput) => ({
    createdOn: lead.createdOn,
    contractOn: lead.contractOn,
    registeredOn: lead.registeredOn,
  });
  const districts = [...new Map(leads.map((lead) => [lead.regionCode, lead.regionName])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([regionCode, regionName]) => ({
      regionCode,
      regionName,
      ...attractionYearCounts(leads.filter((lead) => lead.regionCode === regionCode).map(dates), year),
    }));
  const batches = attractionBatches(
    loaded.map(({ row }) => ({
      amount: row.amount,
      contractOn: row.contractOn,
      startedOn: row.startedOn,
      productionOn: row.productionOn,
    })),
    year,
  );
  const figure = (f: { count: number; amount: bigint }) => ({ count: f.count, amount: formatWan(f.amount) });
  return {
    year,
    funnel: pipelineFunnel(leads),
    districts,
    total: attractionYearCounts(leads.map(dates), year),
    batches: { sign: figure(batches.sign), start: figure(batches.start), production: figure(batches.production) },
  };
}
