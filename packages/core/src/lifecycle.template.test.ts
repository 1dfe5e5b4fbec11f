import { describe, expect, it } from 'vitest';
import {
  lifecycleDefinitionSchema,
  SHIPPED_LIFECYCLE_TEMPLATES,
  type LifecycleDefinitionInput,
} from './lifecycle.contract.ts';
import { orderedSteps, validateTemplate } from './lifecycle.template.ts';

const label = (zh: string) => ({ zh, en: zh });
const step = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  label: label(code.toUpperCase()),
  durationDays: 10,
  ...extra,
});
/** One preparation stage holding the given steps, then a started stage. */
const template = (steps: ReturnType<typeof step>[]): LifecycleDefinitionInput => ({
  stages: [
    { code: 'prep', label: label('前期'), phase: 'preparation', steps },
    { code: 'go', label: label('开工'), phase: 'started', steps: [] },
  ],
});
const issuesOf = (input: LifecycleDefinitionInput) => validateTemplate(lifecycleDefinitionSchema.parse(input));

describe('lifecycle template validation', () => {
  it('accepts the two shipped templates', () => {
    for (const shipped of SHIPPED_LIFECYCLE_TEMPLATES) expect(validateTemplate(shipped.definition)).toEqual([]);
  });

  it('names the step that waits for an unknown one', () => {
    expect(issuesOf(template([step('a'), step('b', { after: ['zz'] })]))).toEqual([
      { path: 'stages.0.steps.1.after', code: 'lifecycle.afterUnknown', params: { step: 'B', value: 'zz' } },
    ]);
  });

  it('names a cycle by its steps, at the step that comes first', () => {
    const issues = issuesOf(template([step('a', { after: ['c'] }), step('b', { after: ['a'] }), step('c')]));
    expect(issues).toEqual([
      { path: 'stages.0.steps.0.after', code: 'lifecycle.cycle', params: { step: 'A', steps: 'A → C → B → A' } },
    ]);
    // A step waiting for itself is a cycle of one.
    expect(issuesOf(template([step('a', { after: ['a'] })]))[0]).toMatchObject({
      path: 'stages.0.steps.0.after',
      code: 'lifecycle.cycle',
      params: { steps: 'A → A' },
    });
  });

  it('refuses a wait for a later step that makes no cycle', () => {
    // a waits for b (later); b waits for nothing (written as an empty list), so there is no cycle.
    expect(issuesOf(template([step('a', { after: ['b'] }), step('b', { after: [] })]))).toEqual([
      { path: 'stages.0.steps.0.after', code: 'lifecycle.waitsForLater', params: { step: 'A', other: 'B' } },
    ]);
  });

  it('refuses duplicate stage and step codes, naming the second', () => {
    const input: LifecycleDefinitionInput = {
      stages: [
        { code: 'prep', label: label('前期'), phase: 'preparation', steps: [step('a')] },
        { code: 'prep', label: label('再前期'), phase: 'preparation', steps: [step('a')] },
      ],
    };
    expect(issuesOf(input)).toEqual([
      { path: 'stages.1.code', code: 'lifecycle.duplicateStage', params: { code: 'prep' } },
      { path: 'stages.1.steps.0.code', code: 'lifecycle.duplicateStep', params: { code: 'a' } },
    ]);
  });

  it('refuses a parallel group split by another step', () => {
    const steps = [
      step('a'),
      step('b', { after: ['a'], parallelGroup: 'g' }),
      step('c'),
      step('d', {
        after: ['a'],
        parallelGroup: 'g',
      }),
    ];
    expect(issuesOf(template(steps))).toEqual([
      {
        path: 'stages.0.steps.3.parallelGroup',
        code: 'lifecycle.groupNotContiguous',
        params: { group: 'g', step: 'D' },
      },
    ]);
  });

  it('refuses a group member that waits for another of its group, written or implied by the order', () => {
    const written = [
      step('a'),
      step('b', { after: ['a'], parallelGroup: 'g' }),
      step('c', {
        after: ['b'],
        parallelGroup: 'g',
      }),
    ];
    expect(issuesOf(template(written))).toEqual([
      {
        path: 'stages.0.steps.2.after',
        code: 'lifecycle.groupWaitsWithin',
        params: { group: 'g', step: 'C', other: 'B' },
      },
    ]);
    // Without `after`, c waits for the step before it, b, of the same group: the order contradicts the group.
    const implied = [step('a'), step('b', { after: ['a'], parallelGroup: 'g' }), step('c', { parallelGroup: 'g' })];
    expect(issuesOf(template(implied))[0]).toMatchObject({
      path: 'stages.0.steps.2.parallelGroup',
      code: 'lifecycle.groupWaitsWithin',
    });
  });

  it('leaves zero and negative durations to the schema, which names the field', () => {
    for (const durationDays of [0, -5]) {
      const result = lifecycleDefinitionSchema.safeParse(template([step('a', { durationDays })]));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({
        path: ['stages', 0, 'steps', 0, 'durationDays'],
        message: 'lifecycle.duration',
      });
    }
  });

  it('resolves the implied waits across stages', () => {
    const five = SHIPPED_LIFECYCLE_TEMPLATES[1]?.definition;
    if (!five) throw new Error('five-stage template missing');
    const steps = orderedSteps(five);
    expect(steps.find((s) => s.code === 'project_approval')?.waitsFor).toEqual(['proposal_feasibility']);
    expect(steps.find((s) => s.code === 'construction_permit')?.waitsFor).toEqual(['design_drawings']);
    expect(steps).toHaveLength(13);
  });
});
