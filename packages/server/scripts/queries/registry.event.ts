/**
 * The query snapshots' registry for the reserve library, the groundbreaking events and the three batches (see
 * registry.ts).
 */
import * as batch from '../../src/modules/batch/batch.repository.ts';
import * as event from '../../src/modules/event/event.repository.ts';
import * as reserve from '../../src/modules/reserve/reserve.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, DISTRICT, IDS, SCOPES } from './examples.ts';

const EVENT = {
  name: '全市重大项目集中开工',
  heldOn: AS_OF,
  level: 'city',
  place: '高新区',
  regionCode: DISTRICT,
  note: null,
} as const;

const ROUND = { name: '2021年第一轮三个一批', heldOn: AS_OF, regionCode: DISTRICT, note: null };

/** The registry entries of the reserve, event and batch modules. */
export const EVENT_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/reserve/reserve.repository.ts',
    module: reserve,
    examples: {
      reserveCounts: SCOPES.map(({ label, actor }) =>
        labelled(label, reserve.reserveCounts, actor, { asOf: AS_OF, regionCode: undefined }),
      ),
      reserveProjects: [
        example(reserve.reserveProjects, ACTORS.city, {
          asOf: AS_OF,
          regionCode: DISTRICT,
          step: 'investment_agreement',
          page: 1,
          pageSize: 50,
        }),
      ],
      templateDefinitions: [example(reserve.templateDefinitions)],
    },
  },
  {
    file: 'modules/event/event.repository.ts',
    module: event,
    examples: {
      listEvents: SCOPES.map(({ label, actor }) =>
        labelled(label, event.listEvents, actor, { regionCode: DISTRICT, year: 2021 }),
      ),
      eventInvestments: [example(event.eventInvestments, [1, 2])],
      eventProjects: [example(event.eventProjects, ACTORS.city, 1)],
      lockEvent: [example(event.lockEvent, 1)],
      insertEvent: [example(event.insertEvent, EVENT, IDS.cityAdmin)],
      updateEvent: [example(event.updateEvent, 1, EVENT)],
      deleteEvent: [example(event.deleteEvent, 1)],
      startsRecordedBy: [example(event.startsRecordedBy, 1, IDS.project)],
      eventOfProject: [example(event.eventOfProject, IDS.project)],
      eventCandidate: [example(event.eventCandidate, ACTORS.city, IDS.project)],
      linkProject: [example(event.linkProject, 1, IDS.project)],
      unlinkProject: [example(event.unlinkProject, 1, IDS.project)],
    },
  },
  {
    file: 'modules/batch/batch.repository.ts',
    module: batch,
    examples: {
      listRounds: SCOPES.map(({ label, actor }) => labelled(label, batch.listRounds, actor, {})),
      roundProjects: [example(batch.roundProjects, ACTORS.district, 1)],
      transitionsOf: [example(batch.transitionsOf, [IDS.project])],
      lockRound: [example(batch.lockRound, 1)],
      insertRound: [example(batch.insertRound, ROUND, IDS.districtStaff)],
      updateRound: [example(batch.updateRound, 1, ROUND)],
      deleteRound: [example(batch.deleteRound, 1)],
      addBatchProject: [
        example(batch.addBatchProject, { roundId: 1, projectId: IDS.project, batch: 'start', plannedOn: AS_OF }),
      ],
      removeBatchProject: [example(batch.removeBatchProject, { roundId: 1, projectId: IDS.project, batch: 'start' })],
    },
  },
];
