/**
 * The query snapshots' registry for the OC4IDS milestones: the plan and lifecycle reads of the export and the draft
 * plan the import writes (see registry.ts; the module's other repository is in registry.project.ts).
 */
import * as lifecycle from '../../src/modules/oc4ids/oc4ids.lifecycle.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { AS_OF, IDS } from './examples.ts';
import { perScope } from './registry.shared.ts';

const node = {
  key: 'started',
  name: '开工',
  stageCode: 'started',
  stepCode: null,
  plannedStart: AS_OF,
  plannedEnd: AS_OF,
  actualEnd: null,
  status: 'pending' as const,
  sortOrder: 0,
};

/** The registry entries of the OC4IDS lifecycle repository. */
export const OC4IDS_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/oc4ids/oc4ids.lifecycle.repository.ts',
    module: lifecycle,
    examples: {
      findTemplateDefinitions: [example(lifecycle.findTemplateDefinitions)],
      findProjectTemplates: perScope(lifecycle.findProjectTemplates, [IDS.project]),
      findCurrentPlanNodes: [example(lifecycle.findCurrentPlanNodes, [IDS.project])],
      findTransitions: [example(lifecycle.findTransitions, [IDS.project])],
      claimSeededTransitions: [
        example(lifecycle.claimSeededTransitions, IDS.project, 'OC4IDS 导入，项目状态：implementation'),
      ],
      findLatestPlan: [example(lifecycle.findLatestPlan, IDS.project)],
      maxPlanVersion: [example(lifecycle.maxPlanVersion, IDS.project)],
      findPlanNodes: [example(lifecycle.findPlanNodes, 1)],
      insertDraftPlan: [
        example(lifecycle.insertDraftPlan, {
          projectId: IDS.project,
          version: 1,
          targetDate: AS_OF,
          reason: null,
          createdBy: IDS.cityAdmin,
        }),
      ],
      resetDraftPlan: [example(lifecycle.resetDraftPlan, 1, AS_OF)],
      insertPlanNodes: [example(lifecycle.insertPlanNodes, 1, [node])],
    },
  },
];
