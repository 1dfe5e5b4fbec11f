/**
 * The query snapshots' registry for service officers' visits, site supervision and their photos (see registry.ts).
 */
import * as attachment from '../../src/modules/attachment/attachment.repository.ts';
import * as inspection from '../../src/modules/inspection/inspection.repository.ts';
import * as visit from '../../src/modules/visit/visit.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, IDS, SCOPES } from './examples.ts';

/** The registry entries of the visit, inspection and attachment modules. */
export const SERVICE_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/attachment/attachment.repository.ts',
    module: attachment,
    examples: {
      insertAttachment: [
        example(attachment.insertAttachment, {
          ownerKind: 'visit',
          ownerId: 1,
          fileName: 'site.png',
          mimeType: 'image/png',
          data: Buffer.from('png'),
          createdBy: IDS.officer,
        }),
      ],
      attachmentsOf: [example(attachment.attachmentsOf, 'visit', [1, 2])],
      findSiteAttachment: [example(attachment.findSiteAttachment, 1)],
    },
  },
  {
    file: 'modules/inspection/inspection.repository.ts',
    module: inspection,
    examples: {
      insertInspection: [
        example(inspection.insertInspection, {
          projectId: IDS.project,
          inspectedOn: AS_OF,
          mode: 'onsite',
          inspectors: '市发改委督导组',
          findings: '安全围挡缺失',
          rectifyBy: '2021-05-31',
          createdBy: IDS.districtStaff,
        }),
      ],
      findInspection: SCOPES.map(({ label, actor }) => labelled(label, inspection.findInspection, actor, 1)),
      listProjectInspections: [example(inspection.listProjectInspections, ACTORS.district, IDS.project)],
      listInspections: [
        labelled('city actor, no filter', inspection.listInspections, ACTORS.city, {}, { offset: 0, limit: 20 }),
        labelled(
          'district actor, every filter',
          inspection.listInspections,
          ACTORS.district,
          { regionCode: '230602', mode: 'online', from: '2021-04-01', to: AS_OF },
          { offset: 20, limit: 20 },
        ),
      ],
      findVideoLink: [example(inspection.findVideoLink, IDS.project)],
      upsertVideoLink: [
        example(inspection.upsertVideoLink, {
          projectId: IDS.project,
          url: 'https://cam.example.cn/live/1',
          label: '塔吊摄像头',
          updatedBy: IDS.districtStaff,
        }),
      ],
      deleteVideoLink: [example(inspection.deleteVideoLink, IDS.project)],
    },
  },
  {
    file: 'modules/visit/visit.repository.ts',
    module: visit,
    examples: {
      findScopedProject: SCOPES.map(({ label, actor }) => labelled(label, visit.findScopedProject, actor, IDS.project)),
      insertVisit: [
        example(visit.insertVisit, {
          projectId: IDS.project,
          officerId: IDS.officer,
          visitedOn: AS_OF,
          findings: '施工现场正常',
        }),
      ],
      listProjectVisits: [example(visit.listProjectVisits, IDS.project)],
      listOfficerVisits: [example(visit.listOfficerVisits, IDS.officer, 10)],
      findVisit: [example(visit.findVisit, 1)],
      officerProjects: [example(visit.officerProjects, ACTORS.officer)],
      problemTotals: [example(visit.problemTotals, [IDS.project])],
      countOfficerVisits: [example(visit.countOfficerVisits, IDS.officer, '2021-04-01', AS_OF)],
      officerSummaries: [
        labelled('city actor', visit.officerSummaries, ACTORS.city, '2021-04-01', AS_OF),
        labelled('district actor', visit.officerSummaries, ACTORS.district, '2021-04-01', AS_OF),
      ],
    },
  },
];
