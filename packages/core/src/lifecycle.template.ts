/**
 * The rules across a lifecycle template's steps that its zod schema cannot see: codes unique, every step an `after`
 * names exists and comes earlier in the order, no cycle among the waits, and a parallel group whose members stand
 * side by side and do not wait for one another. Each issue names the offending field by its path (as the API's
 * field-level 400 does) and the step by its name, so a city administrator sees which step to mend.
 */
import type { LifecycleDefinition } from './lifecycle.contract.ts';
import type { MessageKey, MessageParams } from './messages.ts';

/** One problem found in a template: where (e.g. `stages.1.steps.2.after`), and the message with its parameters. */
export interface LifecycleTemplateIssue {
  path: string;
  code: MessageKey;
  params: MessageParams;
}

/** A step in the template's order, with where it sits and whom it waits for. */
export interface OrderedStep {
  code: string;
  name: string;
  stageIndex: number;
  stepIndex: number;
  /** Index in the template's order (stages in order, their steps in order). */
  order: number;
  parallelGroup: string | null;
  /** Codes this step waits for: its `after`, or the step before it in the order when `after` is absent. */
  waitsFor: string[];
  /** Whether `waitsFor` was written (true) or implied by the order (false). */
  explicit: boolean;
}

/** The template's steps in order with their waits resolved (the plan generator lays them out from this too). */
export function orderedSteps(definition: LifecycleDefinition): OrderedStep[] {
  const steps: OrderedStep[] = [];
  definition.stages.forEach((stage, stageIndex) => {
    stage.steps.forEach((step, stepIndex) => {
      const previous = steps[steps.length - 1];
      steps.push({
        code: step.code,
        name: step.label.zh,
        stageIndex,
        stepIndex,
        order: steps.length,
        parallelGroup: step.parallelGroup ?? null,
        waitsFor: step.after ?? (previous ? [previous.code] : []),
        explicit: step.after !== undefined,
      });
    });
  });
  return steps;
}

const stepPath = (s: OrderedStep, field: string) => `stages.${s.stageIndex}.steps.${s.stepIndex}.${field}`;

function duplicateCodes(definition: LifecycleDefinition, steps: OrderedStep[]): LifecycleTemplateIssue[] {
  const issues: LifecycleTemplateIssue[] = [];
  const stageCodes = new Set<string>();
  definition.stages.forEach((stage, index) => {
    if (stageCodes.has(stage.code))
      issues.push({ path: `stages.${index}.code`, code: 'lifecycle.duplicateStage', params: { code: stage.code } });
    stageCodes.add(stage.code);
  });
  const stepCodes = new Set<string>();
  for (const step of steps) {
    if (stepCodes.has(step.code))
      issues.push({ path: stepPath(step, 'code'), code: 'lifecycle.duplicateStep', params: { code: step.code } });
    stepCodes.add(step.code);
  }
  return issues;
}

/** The cycles among the waits, each once, as the steps around it (the first repeated at the end). */
function findCycles(byCode: Map<string, OrderedStep>): OrderedStep[][] {
  const cycles: OrderedStep[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: OrderedStep[] = [];
  const visit = (step: OrderedStep) => {
    state.set(step.code, 'open');
    trail.push(step);
    for (const code of step.waitsFor) {
      const next = byCode.get(code);
      if (!next) continue;
      if (state.get(code) === 'open') {
        const start = trail.findIndex((s) => s.code === code);
        cycles.push([...trail.slice(start), next]);
      } else if (!state.has(code)) visit(next);
    }
    trail.pop();
    state.set(step.code, 'done');
  };
  for (const step of byCode.values()) if (!state.has(step.code)) visit(step);
  return cycles;
}

function waitIssues(steps: OrderedStep[]): LifecycleTemplateIssue[] {
  const byCode = new Map(steps.map((s) => [s.code, s]));
  const issues: LifecycleTemplateIssue[] = [];
  const inCycle = new Set<string>();
  for (const cycle of findCycles(byCode)) {
    // Named at the step of the cycle that comes first in the order: the one whose wait points forward.
    const first = cycle.slice(0, -1).reduce((a, b) => (b.order < a.order ? b : a));
    cycle.forEach((s) => inCycle.add(s.code));
    issues.push({
      path: stepPath(first, 'after'),
      code: 'lifecycle.cycle',
      params: { step: first.name, steps: cycle.map((s) => s.name).join(' → ') },
    });
  }
  for (const step of steps) {
    for (const code of step.waitsFor) {
      const other = byCode.get(code);
      if (!other) {
        issues.push({
          path: stepPath(step, 'after'),
          code: 'lifecycle.afterUnknown',
          params: { step: step.name, value: code },
        });
      } else if (other.order >= step.order && !inCycle.has(step.code)) {
        issues.push({
          path: stepPath(step, 'after'),
          code: 'lifecycle.waitsForLater',
          params: { step: step.name, other: other.name },
        });
      }
    }
  }
  return issues;
}

function groupIssues(steps: OrderedStep[]): LifecycleTemplateIssue[] {
  const issues: LifecycleTemplateIssue[] = [];
  const groups = new Map<string, OrderedStep[]>();
  for (const step of steps) {
    if (step.parallelGroup === null) continue;
    groups.set(step.parallelGroup, [...(groups.get(step.parallelGroup) ?? []), step]);
  }
  for (const [group, members] of groups) {
    const codes = new Set(members.map((m) => m.code));
    members.forEach((member, index) => {
      const previous = members[index - 1];
      if (previous && member.order !== previous.order + 1) {
        issues.push({
          path: stepPath(member, 'parallelGroup'),
          code: 'lifecycle.groupNotContiguous',
          params: { group, step: member.name },
        });
      }
      const within = member.waitsFor.find((code) => codes.has(code));
      const other = within === undefined ? undefined : members.find((m) => m.code === within);
      if (other) {
        issues.push({
          path: stepPath(member, member.explicit ? 'after' : 'parallelGroup'),
          code: 'lifecycle.groupWaitsWithin',
          params: { group, step: member.name, other: other.name },
        });
      }
    });
  }
  return issues;
}

/**
 * Every rule a template (already shaped by lifecycleDefinitionSchema) breaks, in the order of the checks; empty when
 * it may be saved. A template is refused whole when this is not empty.
 */
export function validateTemplate(definition: LifecycleDefinition): LifecycleTemplateIssue[] {
  const steps = orderedSteps(definition);
  const duplicates = duplicateCodes(definition, steps);
  // With a code twice the waits are ambiguous: name the duplicates first and judge the rest once they are fixed.
  if (duplicates.length > 0) return duplicates;
  return [...waitIssues(steps), ...groupIssues(steps)];
}
