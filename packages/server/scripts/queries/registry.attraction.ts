/** The query snapshots' registry for the attraction pipeline's leads (see registry.ts). */
import * as attraction from '../../src/modules/attraction/attraction.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, DISTRICT, IDS, SCOPES } from './examples.ts';

const LEAD = {
  investor: '某新材料集团有限公司',
  projectName: '年产5万吨新材料项目',
  industry: 'C',
  amount: 1_000_000_000_000n,
  source: 'expo',
  regionCode: DISTRICT,
  responsiblePerson: '张三',
  responsibleUnit: '高新区招商局',
  note: null,
} as const;

/** The registry entry of the attraction module. */
export const ATTRACTION_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/attraction/attraction.repository.ts',
    module: attraction,
    examples: {
      listLeads: [
        ...SCOPES.map(({ label, actor }) => labelled(label, attraction.listLeads, actor, { regionCode: DISTRICT })),
        labelled('one lead, by stage, project and text', attraction.listLeads, ACTORS.city, {
          id: 1,
          stage: 'registered',
          projectId: IDS.project,
          q: '新材料',
        }),
      ],
      lockLead: SCOPES.map(({ label, actor }) => labelled(label, attraction.lockLead, actor, 1)),
      insertLead: [example(attraction.insertLead, LEAD, IDS.districtStaff)],
      updateLead: [example(attraction.updateLead, 1, 1, LEAD)],
      moveLead: [example(attraction.moveLead, 1, 1, 'talks', 'framework')],
      registerLead: [example(attraction.registerLead, 1, 2, IDS.project)],
    },
  },
];
