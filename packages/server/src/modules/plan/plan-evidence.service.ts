/**
 * Evidence of milestone plan nodes: a file (image or PDF, the attachment module's rule) attached to a node of the
 * project's current (approved) plan. It hangs off that node's row; approving a re-plan re-points it to the new
 * version's node of the same key (plan-evidence.repository.ts), and a node dropped by the re-plan keeps its evidence
 * on the superseded version's node, still readable through GET /attachments/:id. Audited on the project.
 */
import type { AttachmentOutput } from '@keyprojects/core';
import { errors } from '../../errors.ts';
import { attachPhoto, type UploadedFile } from '../attachment/attachment.service.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { currentNodeId } from './plan-evidence.repository.ts';
import * as repo from './plan.repository.ts';
import type { PlanDeps } from './plan.service.ts';

/**
 * POST /projects/:id/plan/nodes/:key/attachments; 404 when the project is out of scope or its current plan has no
 * node of that key.
 */
export async function addNodeEvidence(
  deps: PlanDeps,
  actor: Actor,
  projectId: number,
  key: string,
  file: UploadedFile,
): Promise<AttachmentOutput> {
  requirePermission(actor, 'plan.edit');
  return deps.db.transaction().execute(async (trx) => {
    // Locked like every plan change, so an approval cannot re-point evidence while this file is being attached.
    const project = await repo.findPlanProject(trx, actor, projectId, true);
    if (!project) throw errors.notFound();
    const nodeId = await currentNodeId(trx, projectId, key);
    if (nodeId === undefined) throw errors.notFound();
    return attachPhoto(trx, actor, { kind: 'milestone', id: nodeId, regionCode: project.regionCode, projectId }, file);
  });
}
