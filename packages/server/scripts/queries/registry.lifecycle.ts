/**
 * The query snapshots' registry for the lifecycle: templates, transitions, plans, the reserve library, events and
 * batches (see registry.ts).
 */
import * as transition from '../../src/modules/lifecycle/lifecycle-transition.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { AS_OF, IDS, SCOPES } from './examples.ts';

/** The registry entries of the lifecycle modules. */
export const LIFECYCLE_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/lifecycle/lifecycle-transition.repository.ts',
    module: transition,
    examples: {
      lockProjectLifecycle: SCOPES.map(({ label, actor }) =>
        labelled(label, transition.lockProjectLifecycle, actor, IDS.project),
      ),
      transitionFacts: [example(transition.transitionFacts, IDS.project)],
      insertTransition: [
        example(transition.insertTransition, {
          projectId: IDS.project,
          templateId: 1,
          stageCode: 'started',
          stepCode: null,
          phase: 'started',
          occurredOn: AS_OF,
          note: '开工仪式',
          source: 'manual',
          eventId: null,
          recordedBy: IDS.districtStaff,
        }),
      ],
      writeDerivedLifecycle: [
        example(transition.writeDerivedLifecycle, IDS.project, {
          stage: 'started',
          lifecycleStage: 'started',
          lifecycleStep: null,
          actualStartDate: AS_OF,
          actualCompletionDate: null,
          actualProductionDate: null,
        }),
      ],
    },
  },
];
