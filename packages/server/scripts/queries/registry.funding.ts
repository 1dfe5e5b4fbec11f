/** The query snapshots' registry for the funding events and the financing-needs list (see registry.ts). */
import * as financing from '../../src/modules/financing/financing.repository.ts';
import * as funding from '../../src/modules/funding/funding.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, DISTRICT, IDS, SCOPES } from './examples.ts';

const EVENT = {
  kind: 'central_budget',
  step: 'issued',
  amount: 12_000_000n,
  occurredOn: AS_OF,
  note: null,
} as const;

const NEED = {
  projectId: IDS.project,
  amount: 50_000_000n,
  instrument: 'loan',
  termMonths: 36,
  purpose: '设备购置',
  collateral: null,
} as const;

/** The registry entries of the funding and financing modules. */
export const FUNDING_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/funding/funding.repository.ts',
    module: funding,
    examples: {
      visibleProject: SCOPES.map(({ label, actor }) => labelled(label, funding.visibleProject, actor, IDS.project)),
      insertEvent: [example(funding.insertEvent, IDS.project, EVENT, IDS.cityAdmin)],
      recordTotalsDifferences: [
        example(funding.recordTotalsDifferences, [IDS.project], {
          enteredBy: IDS.cityAdmin,
          note: '项目表单录入资金来源',
        }),
      ],
      fundingTotals: [example(funding.fundingTotals, IDS.project)],
      fundingEvents: [example(funding.fundingEvents, IDS.project)],
      fundingLines: SCOPES.map(({ label, actor }) =>
        labelled(label, funding.fundingLines, actor, { asOf: AS_OF, regionCode: DISTRICT, kind: 'central_budget' }),
      ),
      appToday: [example(funding.appToday)],
    },
  },
  {
    file: 'modules/financing/financing.repository.ts',
    module: financing,
    examples: {
      insertNeed: [example(financing.insertNeed, NEED, AS_OF, IDS.ownerUser)],
      listNeeds: SCOPES.map(({ label, actor }) => labelled(label, financing.listNeeds, actor, {})),
      insertEdition: [
        example(financing.insertEdition, { code: '2021-2', year: 2021, number: 2 }, AS_OF, IDS.cityAdmin),
      ],
      freezeNeeds: [example(financing.freezeNeeds, ACTORS.city, 1, AS_OF)],
      listEditions: [example(financing.listEditions, { code: '2021-2' })],
      editionItems: [example(financing.editionItems, 1)],
      insertMatch: [
        example(
          financing.insertMatch,
          { editionId: 1, needId: 1, institutionUserId: null, institution: '示例银行', note: null },
          IDS.cityAdmin,
        ),
      ],
      listMatches: [example(financing.listMatches, { institutionUserId: IDS.cityAdmin })],
      moveMatch: [
        example(
          financing.moveMatch,
          1,
          { state: 'interested', version: 1 },
          { state: 'signed', signedAmount: 30_000_000n, note: null },
        ),
      ],
    },
  },
];
