/**
 * The query snapshots' registry for dispatch meetings and the daily and weekly notices (see registry.ts).
 */
import * as meeting from '../../src/modules/meeting/meeting.repository.ts';
import * as notice from '../../src/modules/notice/notice.repository.ts';
import { example, labelled, type RepositoryEntry } from './capture.ts';
import { ACTORS, AS_OF, CITY, DISTRICT, IDS, SCOPES } from './examples.ts';
import { perScope } from './registry.shared.ts';

const WEEK = { regionCode: null, from: '2021-04-24', to: AS_OF };
/** The notice figures per kind of actor, over the week ending on the example date. */
const perNoticeScope = <A extends unknown[]>(
  fn: (trx: Parameters<typeof notice.noticeWarningCounts>[0], scope: notice.NoticeScope, ...args: A) => unknown,
  ...args: A
) => SCOPES.map(({ label, actor }) => labelled(label, fn, { ...WEEK, actor }, ...args));

/** The registry entries of the meeting and notice modules. */
export const MEETING_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/meeting/meeting.repository.ts',
    module: meeting,
    examples: {
      listMeetings: [
        labelled('city actor, all', meeting.listMeetings, ACTORS.city, {}),
        labelled('district actor, by kind and region', meeting.listMeetings, ACTORS.district, {
          kind: 'weekly_dispatch',
          regionCode: DISTRICT,
        }),
        labelled('responsible unit', meeting.listMeetings, { ...ACTORS.owner, role: 'responsible_unit' }, {}),
      ],
      findMeeting: [example(meeting.findMeeting, ACTORS.city, 1)],
      previousMeetingId: [example(meeting.previousMeetingId, 'weekly_dispatch', CITY, AS_OF)],
      insertMeeting: [
        example(meeting.insertMeeting, {
          kind: 'weekly_dispatch',
          regionCode: CITY,
          heldOn: AS_OF,
          title: '全市重点项目周调度会',
          location: '市政府第一会议室',
          chair: '副市长',
          attendees: '市发改委、市自然资源局',
          previousMeetingId: null,
          createdBy: IDS.cityAdmin,
        }),
      ],
      updateMeeting: [example(meeting.updateMeeting, 1, 1, { minutes: '会议纪要', state: 'held' })],
      agendaCandidates: perScope(meeting.agendaCandidates, CITY, AS_OF),
      agendaItems: [example(meeting.agendaItems, ACTORS.city, 1)],
      replaceAgendaItems: [
        example(meeting.replaceAgendaItems, 1, [
          { id: 1, position: 1, projectId: null, warningId: null, problemId: null, title: '议题', note: null },
          { position: 2, projectId: IDS.project, warningId: '1', problemId: null, title: '新议题', note: '备注' },
        ]),
      ],
      agendaItemIds: [example(meeting.agendaItemIds, 1)],
      decisionsOf: [
        example(meeting.decisionsOf, ACTORS.city, [1, 2], null),
        labelled('responsible unit: its own only', meeting.decisionsOf, ACTORS.city, [1], IDS.owner),
      ],
    },
  },
  {
    file: 'modules/notice/notice.repository.ts',
    module: notice,
    examples: {
      noticeWarningCounts: perNoticeScope(notice.noticeWarningCounts),
      noticeProblemCounts: perNoticeScope(notice.noticeProblemCounts),
      noticeDistricts: [example(notice.noticeDistricts, { ...WEEK, actor: ACTORS.city })],
      noticeUnits: [example(notice.noticeUnits, { ...WEEK, actor: ACTORS.city, regionCode: DISTRICT })],
      noticeWarningExamples: [example(notice.noticeWarningExamples, { ...WEEK, actor: ACTORS.city }, 3)],
      noticeOverdueExamples: [example(notice.noticeOverdueExamples, { ...WEEK, actor: ACTORS.district }, 3)],
      listNoticeTemplates: [example(notice.listNoticeTemplates)],
      findNoticeTemplate: [example(notice.findNoticeTemplate, 1, true)],
      findDefaultNoticeTemplate: [example(notice.findDefaultNoticeTemplate, 'weekly')],
      updateNoticeTemplate: [
        example(notice.updateNoticeTemplate, 1, 1, { name: '日通报', body: '{{通报日期}}', updatedBy: IDS.cityAdmin }),
      ],
    },
  },
];
