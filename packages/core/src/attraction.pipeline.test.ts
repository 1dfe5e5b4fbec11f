/** The funnel's steps and counts, and the three batches of a year, on leads in every state. */
import { describe, expect, it } from 'vitest';
import { attractionBatches, pipelineFunnel, pipelineStepOf, type PipelineLead } from './attraction.pipeline.ts';
import { wan } from './money.ts';

const lead = (over: Partial<PipelineLead>): PipelineLead => ({
  stage: 'talks',
  projectPhase: null,
  frameworkOn: null,
  contractOn: null,
  ...over,
});

describe('the pipeline funnel', () => {
  it('places a lead on its stage before registration and on its project phase after it', () => {
    expect(pipelineStepOf(lead({ stage: 'framework' }))).toBe('framework');
    expect(pipelineStepOf(lead({ stage: 'registered', projectPhase: 'preparation' }))).toBe('registered');
    expect(pipelineStepOf(lead({ stage: 'registered', projectPhase: 'construction' }))).toBe('started');
    expect(pipelineStepOf(lead({ stage: 'registered', projectPhase: 'completed' }))).toBe('production');
    expect(pipelineStepOf(lead({ stage: 'registered', projectPhase: 'full_capacity' }))).toBe('capacity');
    expect(pipelineStepOf(lead({ stage: 'upgrade', projectPhase: 'full_capacity' }))).toBe('upgrade');
  });

  it('counts a dropped lead as far as its dates went', () => {
    expect(pipelineStepOf(lead({ stage: 'dropped' }))).toBe('talks');
    expect(pipelineStepOf(lead({ stage: 'dropped', frameworkOn: '2021-01-02', contractOn: '2021-02-01' }))).toBe(
      'contract',
    );
  });

  it('counts each step with the leads that went further, so it never widens', () => {
    const funnel = pipelineFunnel([
      lead({ stage: 'talks' }),
      lead({ stage: 'contract' }),
      lead({ stage: 'registered', projectPhase: 'production' }),
      lead({ stage: 'upgrade', projectPhase: 'full_capacity' }),
    ]);
    expect(funnel.map((s) => s.count)).toEqual([4, 3, 3, 2, 2, 2, 1, 1]);
  });
});

describe('the three batches from the pipeline', () => {
  it('counts and sums the contracts, starts and productions of the year', () => {
    const batches = attractionBatches(
      [
        { amount: wan(1000), contractOn: '2021-03-01', startedOn: '2021-04-01', productionOn: null },
        { amount: wan(500), contractOn: '2020-11-01', startedOn: '2021-01-05', productionOn: '2021-05-01' },
        { amount: wan(200), contractOn: null, startedOn: null, productionOn: null },
      ],
      2021,
    );
    expect(batches.sign).toEqual({ count: 1, amount: wan(1000) });
    expect(batches.start).toEqual({ count: 2, amount: wan(1500) });
    expect(batches.production).toEqual({ count: 1, amount: wan(500) });
  });
});
