/**
 * Kysely access for the evidence of milestone plan nodes (attachments with owner_kind 'milestone', owner_id the
 * node's row): the current plan's node a file is attached to, and re-pointing evidence from the superseded version's
 * nodes to the approved version's nodes of the same key, so evidence follows a node through re-plans.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The id of the node with this key in the project's current (approved) plan, or undefined. */
export async function currentNodeId(db: Db, projectId: number, key: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('milestone_nodes as n')
    .innerJoin('milestone_plans as mp', 'mp.id', 'n.plan_id')
    .where('mp.project_id', '=', projectId)
    .where('mp.status', '=', 'approved')
    .where('n.node_key', '=', key)
    .select('n.id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Moves the evidence of the nodes of plan `fromPlanId` to the nodes of plan `toPlanId` with the same key (one UPDATE).
 * Evidence of a node whose key the new plan no longer has stays where it is, on the old version's node.
 */
export async function repointEvidence(trx: Transaction<DB>, fromPlanId: number, toPlanId: number): Promise<number> {
  const result = await trx
    .updateTable('attachments as a')
    .from(['milestone_nodes as old', 'milestone_nodes as next'])
    .set((eb) => ({ owner_id: eb.ref('next.id') }))
    .where('a.owner_kind', '=', 'milestone')
    .whereRef('a.owner_id', '=', 'old.id')
    .where('old.plan_id', '=', fromPlanId)
    .where('next.plan_id', '=', toPlanId)
    .whereRef('next.node_key', '=', 'old.node_key')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
