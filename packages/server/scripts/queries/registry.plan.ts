/**
 * The query snapshots' registry for milestone plans: a project's versions and nodes, the draft's conditional writes,
 * approval, node progress, the node lists per kind of actor (a responsible unit's included) and the re-planned
 * projects, and the evidence of nodes (the current node by key, re-pointing on approval) (see registry.ts).
 */
import * as evidence from '../../src/modules/plan/plan-evidence.repository.ts';
import * as plan from '../../src/modules/plan/plan.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { AS_OF, DISTRICT, IDS } from './examples.ts';
import { perScope } from './registry.shared.ts';

const node = {
  key: 'site_preparation',
  name: '施工准备',
  stageCode: 'preparation',
  stepCode: 'site_preparation',
  plannedStart: '2021-04-01',
  plannedEnd: AS_OF,
  actualStart: null,
  actualEnd: null,
  status: 'pending',
  responsibleOrgId: IDS.owner,
  responsiblePerson: '张工',
  note: null,
} as const;

const unit = {
  id: IDS.cityAdmin,
  role: 'responsible_unit',
  regionCode: DISTRICT,
  organizationId: IDS.owner,
} as const;

const monthFilters = {
  from: '2021-04-01',
  to: AS_OF,
  regionCode: DISTRICT,
  responsibleOrgId: IDS.owner,
  limit: 50,
  offset: 0,
};

/** The registry entries of the plan module. */
export const PLAN_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/plan/plan.repository.ts',
    module: plan,
    examples: {
      findPlanProject: [
        ...perScope(plan.findPlanProject, IDS.project),
        labelled('locked for a change', plan.findPlanProject, unit, IDS.project, true),
      ],
      planVersions: [example(plan.planVersions, IDS.project)],
      planNodes: [example(plan.planNodes, [1, 2])],
      insertDraft: [
        example(plan.insertDraft, {
          projectId: IDS.project,
          version: 1,
          targetDate: '2021-12-31',
          reason: null,
          createdBy: IDS.districtStaff,
        }),
      ],
      rewriteDraft: [
        labelled('a save at an If-Match version', plan.rewriteDraft, 1, 3, {
          targetDate: '2021-12-31',
          reason: '用地延后',
        }),
        labelled('a regeneration (any version)', plan.rewriteDraft, 1, null, {
          targetDate: '2021-12-31',
          reason: null,
        }),
      ],
      replaceNodes: [example(plan.replaceNodes, 1, [node])],
      supersedeApproved: [example(plan.supersedeApproved, IDS.project)],
      approveDraft: [example(plan.approveDraft, 1, 3, IDS.districtStaff, new Date('2021-04-30T02:00:00Z'))],
      writeNodeProgress: [
        example(plan.writeNodeProgress, 1, 'site_preparation', {
          status: 'done',
          actualStart: '2021-04-02',
          actualEnd: AS_OF,
          note: '已完成',
        }),
      ],
      unknownOrganizations: [example(plan.unknownOrganizations, [IDS.owner, 99])],
      baselineNodes: [example(plan.baselineNodes, [IDS.project])],
      listNodeRows: [
        ...perScope(plan.listNodeRows, monthFilters),
        labelled('responsible unit, overdue', plan.listNodeRows, unit, { overdueOn: AS_OF, limit: 50, offset: 0 }),
      ],
      replannedRows: perScope(plan.replannedRows, DISTRICT),
      findProjectIdByCode: perScope(plan.findProjectIdByCode, '2021-230602-48-01-000001'),
    },
  },
  {
    file: 'modules/plan/plan-evidence.repository.ts',
    module: evidence,
    examples: {
      currentNodeId: [example(evidence.currentNodeId, IDS.project, 'site_preparation')],
      repointEvidence: [example(evidence.repointEvidence, 1, 2)],
    },
  },
];
