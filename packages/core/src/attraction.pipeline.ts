/**
 * The attraction pipeline's figures (招商, issue #13 item 5): where a lead stands on the eight-step funnel (talks →
 * framework → contract → registered → started → production → capacity → upgrade), how many leads reached each
 * step, and the "三个一批" figures of a year (签约一批、开工一批、投产一批) from the same leads and their projects.
 * Pure: the server hands in the leads with their projects' phase and dates.
 */
import type { Codelist } from './codelists.ts';
import type { LifecyclePhase } from './lifecycle.contract.ts';
import { sumFen, type Fen } from './money.ts';
import type { LeadStage } from './attraction.ts';

/** The funnel's steps in order: the hand-moved stages, then the project's lifecycle, then the upgrade. */
export const PIPELINE_STEPS = [
  'talks',
  'framework',
  'contract',
  'registered',
  'started',
  'production',
  'capacity',
  'upgrade',
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
export const PIPELINE_STEP_LABELS: Codelist<PipelineStep> = {
  talks: { zh: '洽谈', en: 'Talks' },
  framework: { zh: '框架协议', en: 'Framework' },
  contract: { zh: '正式签约', en: 'Contract' },
  registered: { zh: '入库', en: 'Registered' },
  started: { zh: '开工', en: 'Started' },
  production: { zh: '投产', en: 'In production' },
  capacity: { zh: '达产', en: 'Full capacity' },
  upgrade: { zh: '技改', en: 'Upgrade' },
};

/** What the funnel reads of a lead. */
export interface PipelineLead {
  stage: LeadStage;
  projectPhase: LifecyclePhase | null;
  frameworkOn: string | null;
  contractOn: string | null;
}

/**
 * The furthest step a lead reached: its stage before registration, its project's phase after it. A dropped lead
 * counts as far as its dates show it went (a framework or contract date), so the funnel keeps what it achieved.
 */
export function pipelineStepOf(lead: PipelineLead): PipelineStep {
  switch (lead.stage) {
    case 'talks':
    case 'framework':
    case 'contract':
    case 'upgrade':
      return lead.stage;
    case 'dropped':
      return lead.contractOn ? 'contract' : lead.frameworkOn ? 'framework' : 'talks';
    case 'registered':
      switch (lead.projectPhase) {
        case null:
        case 'reserve':
        case 'preparation':
          return 'registered';
        case 'started':
        case 'construction':
          return 'started';
        case 'completed':
        case 'production':
          return 'production';
        case 'full_capacity':
          return 'capacity';
      }
  }
}

/** The funnel: per step, the leads that reached it or went further (so each step holds at most the one before). */
export function pipelineFunnel(leads: readonly PipelineLead[]): { step: PipelineStep; count: number }[] {
  const reached = leads.map((lead) => PIPELINE_STEPS.indexOf(pipelineStepOf(lead)));
  return PIPELINE_STEPS.map((step, index) => ({ step, count: reached.filter((r) => r >= index).length }));
}

/** What the three batches read of a lead: its amount, its contract day and its project's start and production. */
export interface BatchLead {
  amount: Fen;
  contractOn: string | null;
  startedOn: string | null;
  productionOn: string | null;
}

/** One batch's figure: how many leads and their amount (fen). */
export interface BatchFigure {
  count: number;
  amount: Fen;
}

/**
 * "三个一批" of a year from the pipeline: signed = leads whose formal contract fell in the year (签约一批), started =
 * leads whose project started in it (开工一批), production = those whose project went into production in it (投产一批).
 */
export function attractionBatches(
  leads: readonly BatchLead[],
  year: number,
): { sign: BatchFigure; start: BatchFigure; production: BatchFigure } {
  const inYear = (date: string | null) => date !== null && date.startsWith(`${String(year)}-`);
  const figure = (pick: (lead: BatchLead) => string | null): BatchFigure => {
    const matching = leads.filter((lead) => inYear(pick(lead)));
    return { count: matching.length, amount: sumFen(matching.map((lead) => lead.amount)) };
  };
  return {
    sign: figure((lead) => lead.contractOn),
    start: figure((lead) => lead.startedOn),
    production: figure((lead) => lead.productionOn),
  };
}
