/**
 * The query snapshots' registry for the lifecycle: templates, transitions, plans, the reserve library, events and
 * batches (see registry.ts).
 */
import * as template from '../../src/modules/lifecycle/lifecycle-template.repository.ts';
import * as transition from '../../src/modules/lifecycle/lifecycle-transition.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { AS_OF, IDS, SCOPES } from './examples.ts';

const DEFINITION = { stages: [{ code: 'reserve', label: { zh: '储备', en: 'Reserve' }, phase: 'reserve', steps: [] }] };
const FIRST_TRANSITION = {
  projectId: IDS.project,
  templateId: 2,
  stageCode: 'planning',
  stepCode: null,
  phase: 'reserve' as const,
  occurredOn: AS_OF,
  note: null,
  source: 'create' as const,
  eventId: null,
  recordedBy: IDS.districtStaff,
};

/** The registry entries of the lifecycle modules. */
export const LIFECYCLE_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/lifecycle/lifecycle-template.repository.ts',
    module: template,
    examples: {
      listTemplates: [example(template.listTemplates)],
      findTemplate: [example(template.findTemplate, 1)],
      lockTemplate: [example(template.lockTemplate, 1)],
      latestVersion: [example(template.latestVersion, 'default')],
      insertTemplate: [
        example(template.insertTemplate, {
          code: 'city_flow',
          version: 1,
          nameZh: '市级流程',
          nameEn: 'City flow',
          definition: DEFINITION,
          retired: false,
          createdBy: IDS.cityAdmin,
        }),
      ],
      updateTemplateInPlace: [
        example(template.updateTemplateInPlace, 1, 1, {
          nameZh: '默认全生命周期',
          nameEn: 'Default lifecycle',
          definition: DEFINITION,
          retired: false,
        }),
      ],
      touchTemplate: [example(template.touchTemplate, 1, 1)],
      setDefaultTemplate: [example(template.setDefaultTemplate, 1)],
    },
  },
  {
    file: 'modules/lifecycle/lifecycle-transition.repository.ts',
    module: transition,
    examples: {
      lockProjectLifecycle: SCOPES.map(({ label, actor }) =>
        labelled(label, transition.lockProjectLifecycle, actor, IDS.project),
      ),
      findProjectLifecycle: SCOPES.map(({ label, actor }) =>
        labelled(label, transition.findProjectLifecycle, actor, IDS.project),
      ),
      transitionFacts: [example(transition.transitionFacts, IDS.project)],
      projectTransitions: [example(transition.projectTransitions, IDS.project)],
      transitionOfProject: [example(transition.transitionOfProject, IDS.project, 1)],
      countRecordedTransitions: [example(transition.countRecordedTransitions, IDS.project)],
      moveSeedsBackTo: [example(transition.moveSeedsBackTo, IDS.project, '2021-04-01')],
      reseedTransitions: [example(transition.reseedTransitions, IDS.project, FIRST_TRANSITION)],
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
