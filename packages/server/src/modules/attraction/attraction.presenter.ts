/**
 * The one way a lead becomes JSON (the API, the exports and the audit snapshots): amounts in 万元, and its place
 * on the six lists and the funnel from its stage and its project's lifecycle phase (core's rules).
 */
import {
  formatWan,
  pipelineStepOf,
  sixListOf,
  type IndustrySection,
  type LeadOutput,
  type LeadSource,
  type LeadStage,
  type LifecyclePhase,
} from '@keyprojects/core';
import type { LeadRow } from './attraction.repository.ts';

/** A lead row with its project's phase on the application's date (null before conversion or out of sight). */
export function toLeadOutput(row: LeadRow, projectPhase: LifecyclePhase | null): LeadOutput {
  const stage = row.stage as LeadStage;
  return {
    id: row.id,
    investor: row.investor,
    projectName: row.projectName,
    industry: row.industry as IndustrySection | null,
    amount: formatWan(row.amount),
    source: row.source as LeadSource,
    regionCode: row.regionCode,
    regionName: row.regionName,
    responsiblePerson: row.responsiblePerson,
    responsibleUnit: row.responsibleUnit,
    stage,
    createdOn: row.createdOn,
    frameworkOn: row.frameworkOn,
    contractOn: row.contractOn,
    registeredOn: row.registeredOn,
    upgradeOn: row.upgradeOn,
    droppedOn: row.droppedOn,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectPhase,
    // A registered lead always has a project; when the reader may not see it (projectId null here) its phase is
    // unknown, and it must not stand on the 开工 list as if it had not started: it shows on no list.
    sixList: stage === 'registered' && row.projectId === null ? null : sixListOf(stage, projectPhase),
    pipelineStep: pipelineStepOf({ stage, projectPhase, frameworkOn: row.frameworkOn, contractOn: row.contractOn }),
    note: row.note,
    version: row.version,
  };
}
