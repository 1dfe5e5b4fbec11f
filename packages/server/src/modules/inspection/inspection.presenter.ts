/** The one way an inspection becomes JSON: its row and photos to the contract's `inspectionOutput`. */
import type { AttachmentOutput, InspectionOutput } from '@keyprojects/core';
import type { InspectionRow } from './inspection.repository.ts';

export function toInspectionOutput(row: InspectionRow, photos: readonly AttachmentOutput[] = []): InspectionOutput {
  return {
    id: row.id,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    regionCode: row.regionCode,
    inspectedOn: row.inspectedOn,
    mode: row.mode,
    inspectors: row.inspectors,
    findings: row.findings,
    rectifyBy: row.rectifyBy,
    problemId: row.problemId,
    problemState: row.problemState,
    photos: [...photos],
  };
}
