/**
 * The query snapshots' registry for the problem list and the dispatch configuration (see registry.ts).
 */
import { RULE_13710 } from '@keyprojects/core';
import * as dispatchConfig from '../../src/modules/dispatch/dispatch-config.repository.ts';
import * as attachment from '../../src/modules/problem/problem-attachment.repository.ts';
import * as problem from '../../src/modules/problem/problem.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, DISTRICT, IDS } from './examples.ts';
import { perScope } from './registry.shared.ts';

const unitActor = { ...ACTORS.district, role: 'responsible_unit' as const, organizationId: IDS.owner };
const filters: problem.ProblemFilters = { view: 'tasks' };
const everyFilter: problem.ProblemFilters = {
  view: 'responsibilities',
  state: 'open',
  category: 'land',
  source: 'raised',
  unitId: 1,
  projectId: IDS.project,
  regionCode: DISTRICT,
  q: '用地',
};

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
      listProblemRows: [
        ...perScope(problem.listProblemRows, filters, 100),
        labelled('responsible unit', problem.listProblemRows, unitActor, filters, 100),
        labelled('district actor, every filter', problem.listProblemRows, ACTORS.district, everyFilter, 100),
      ],
      findProblem: [
        example(problem.findProblem, ACTORS.district, 1),
        labelled('responsible unit', problem.findProblem, unitActor, 1),
      ],
      problemEvents: [example(problem.problemEvents, 1)],
      updateProblemIf: [
        example(problem.updateProblemIf, 1, { version: 1, state: 'open' }, { state: 'accepted', steps_done: '{}' }),
      ],
      openAssignedProblems: [example(problem.openAssignedProblems)],
      raiseEscalation: [example(problem.raiseEscalation, 1, 2)],
      leagueProblemRows: [
        example(problem.leagueProblemRows, ACTORS.city, '2021-01-01', AS_OF),
        labelled('responsible unit', problem.leagueProblemRows, unitActor, '2021-01-01', AS_OF),
      ],
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
  {
    file: 'modules/problem/problem-attachment.repository.ts',
    module: attachment,
    examples: {
      problemAttachments: [example(attachment.problemAttachments, 1)],
      insertAttachment: [
        example(attachment.insertAttachment, {
          problemId: 1,
          fileName: '现场照片.jpg',
          mimeType: 'image/jpeg',
          data: Buffer.from([0xff, 0xd8, 0xff]),
          createdBy: IDS.districtStaff,
        }),
      ],
      findAttachment: [example(attachment.findAttachment, 1, 1)],
    },
  },
];
