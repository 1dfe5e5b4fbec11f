/** The one way a visit becomes JSON: its row and its photos to the contract's `visitOutput`. */
import type { AttachmentOutput, VisitOutput } from '@keyprojects/core';
import type { VisitRow } from './visit.repository.ts';

export function toVisitOutput(row: VisitRow, photos: readonly AttachmentOutput[] = []): VisitOutput {
  return {
    id: row.id,
    projectId: row.projectId,
    officerId: row.officerId,
    officerName: row.officerName,
    visitedOn: row.visitedOn,
    findings: row.findings,
    photos: [...photos],
  };
}
