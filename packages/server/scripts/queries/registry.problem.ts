/**
 * The query snapshots' registry for the problem list and the dispatch configuration (see registry.ts).
 */
import { RULE_13710 } from '@keyprojects/core';
import * as dispatchConfig from '../../src/modules/dispatch/dispatch-config.repository.ts';
import * as problem from '../../src/modules/problem/problem.repository.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, DISTRICT, IDS } from './examples.ts';
import { perScope } from './registry.shared.ts';

const newProblem: problem.NewProblemRow = {
  projectId: IDS.project,
  regionCode: DISTRICT,
  source: 'raised',
  meetingId: null,
  inspectionId: null,
  title: '施工用电未接入',
  category: 'utilities',
  description: '临时用电申请已提交一个月',
  complexity: 'ordinary',
  raisedOn: AS_OF,
  raisedBy: IDS.districtStaff,
  assignment: null,
};

/** The registry entries of the problem and dispatch modules. */
export const PROBLEM_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/dispatch/dispatch-config.repository.ts',
    module: dispatchConfig,
    examples: {
      readConfig: [example(dispatchConfig.readConfig, 'deadline_rule')],
      insertConfig: [example(dispatchConfig.insertConfig, 'deadline_rule', RULE_13710, IDS.cityAdmin)],
      updateConfig: [example(dispatchConfig.updateConfig, 'deadline_rule', RULE_13710, 1, IDS.cityAdmin)],
    },
  },
  {
    file: 'modules/problem/problem.repository.ts',
    module: problem,
    examples: {
      projectInScope: perScope(problem.projectInScope, IDS.project),
      responsibleUnit: [example(problem.responsibleUnit, IDS.owner)],
      meetingRegion: [example(problem.meetingRegion, 1)],
      inspectionOfProjectInScope: [example(problem.inspectionOfProjectInScope, ACTORS.district, 1, IDS.project)],
      insertProblem: [example(problem.insertProblem, newProblem)],
      insertProblemEvents: [
        example(problem.insertProblemEvents, [
          {
            problemId: 1,
            action: 'raise',
            fromState: null,
            toState: 'open',
            onDate: AS_OF,
            actorId: IDS.districtStaff,
            note: null,
          },
        ]),
      ],
    },
  },
];
