/**
 * Dispatch meetings (调度会): a meeting of a kind for a region and date opens with an agenda generated from the
 * region's active red and yellow warnings and its problems past their clock's end (red first), and follows the
 * previous meeting of the same kind and region; agenda, minutes and fields are edited under a version (409 for
 * the slower of two editors); the detail shows the decisions and the previous meeting's decisions as they stand.
 * Staff (meeting.manage) work the meetings of their region; leaders read them; a responsible unit reads those
 * that assigned something to it (meeting.repository.ts).
 */
import type { Kysely } from 'kysely';
import {
  composeAgenda,
  type MeetingAgendaInput,
  type MeetingAgendaItemOutput,
  type MeetingAgendaQuery,
  type MeetingCreateInput,
  type MeetingDetailOutput,
  type MeetingListOutput,
  type MeetingListQuery,
  type MeetingOutput,
  type MeetingUpdateInput,
} from '@keyprojects/core';
import type { DB } from '../../db/schema.ts';
import { regionInScope } from '../../db/scope.ts';
import type { AppDeps } from '../../deps.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { recordTransfer } from '../audit/audit.transfer.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { rulesInForce } from '../dispatch/dispatch-rules.ts';
import { DOCX_MIME } from '../bulletin/bulletin.docx.ts';
import { regionExists } from '../region/region.repository.ts';
import { meetingDocx } from './meeting.docx.ts';
import { toAgendaItemOutput, toDecisionOutput, toMeetingOutput } from './meeting.presenter.ts';
import * as repo from './meeting.repository.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** The agenda a meeting of the region on the date opens with, composed by core's rule (composeAgenda). */
async function proposeAgenda(
  db: Kysely<DB>,
  actor: Actor,
  regionCode: string,
  heldOn: string,
): Promise<repo.AgendaRow[]> {
  const { warnings, problems } = await repo.agendaCandidates(db, actor, regionCode, heldOn);
  return composeAgenda(warnings, problems).map((item, index) => ({
    id: null,
    position: index + 1,
    project_id: item.projectId,
    project_name: item.projectName,
    warning_id: item.warningId,
    warning_level: item.warningId === null ? null : item.level,
    problem_id: item.problemId,
    title: item.title,
    note: null,
  }));
}

/** The region must exist and lie in the actor's (field error otherwise). */
async function assertRegion(db: Kysely<DB>, actor: Actor, regionCode: string): Promise<void> {
  if (!(await regionExists(db, regionCode))) throw errors.invalidField('regionCode', 'region.unknown');
  if (!regionInScope(actor, regionCode)) throw errors.invalidField('regionCode', 'region.outOfScope');
}

/** GET /meetings/agenda-preview: what a meeting would open with, before it is created. */
export async function previewAgenda(
  db: Kysely<DB>,
  actor: Actor,
  query: MeetingAgendaQuery,
): Promise<{ items: MeetingAgendaItemOutput[] }> {
  requirePermission(actor, 'meeting.manage');
  await assertRegion(db, actor, query.regionCode);
  return { items: (await proposeAgenda(db, actor, query.regionCode, query.heldOn)).map(toAgendaItemOutput) };
}

export async function listMeetings(db: Kysely<DB>, actor: Actor, query: MeetingListQuery): Promise<MeetingListOutput> {
  requirePermission(actor, 'meeting.read');
  return { items: (await repo.listMeetings(db, actor, query)).map(toMeetingOutput) };
}

/** The meeting if the actor may read it; 404 otherwise (another district's meeting is not there for it). */
export async function meetingInScope(db: Kysely<DB>, actor: Actor, id: number): Promise<repo.MeetingRow> {
  const row = await repo.findMeeting(db, actor, id);
  if (!row) throw errors.notFound();
  return row;
}

/** Creates the meeting with its generated agenda, after the latest earlier meeting of its kind and region. */
export async function createMeeting(deps: Deps, actor: Actor, input: MeetingCreateInput): Promise<MeetingOutput> {
  requirePermission(actor, 'meeting.manage');
  await assertRegion(deps.db, actor, input.regionCode);
  const agenda = await proposeAgenda(deps.db, actor, input.regionCode, input.heldOn);
  const id = await deps.db.transaction().execute(async (trx) => {
    const previousMeetingId = await repo.previousMeetingId(trx, input.kind, input.regionCode, input.heldOn);
    const values = {
      kind: input.kind,
      regionCode: input.regionCode,
      heldOn: input.heldOn,
      title: input.title,
      location: input.location ?? null,
      chair: input.chair ?? null,
      attendees: input.attendees ?? null,
      previousMeetingId,
    };
    const meetingId = await repo.insertMeeting(trx, { ...values, createdBy: actor.id });
    await repo.replaceAgendaItems(
      trx,
      meetingId,
      agenda.map((item) => ({
        position: item.position,
        projectId: item.project_id,
        warningId: item.warning_id,
        problemId: item.problem_id,
        title: item.title,
        note: null,
      })),
    );
    await recordAudit(trx, actor, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'create',
      regionCode: input.regionCode,
      after: { ...values, agendaItems: agenda.length },
    });
    return meetingId;
  });
  return toMeetingOutput(await meetingInScope(deps.db, actor, id));
}

/** The meeting with its agenda, its decisions and the previous meeting's decisions, clocks as of today. */
export async function meetingDetail(deps: Deps, actor: Actor, id: number): Promise<MeetingDetailOutput> {
  requirePermission(actor, 'meeting.read');
  const meeting = await meetingInScope(deps.db, actor, id);
  const previous = meeting.previous_meeting_id
    ? await repo.findMeeting(deps.db, actor, meeting.previous_meeting_id)
    : undefined;
  const unitOnly = actor.role === 'responsible_unit' ? (actor.organizationId ?? 0) : null;
  const [agenda, decisions, { calendar }] = await Promise.all([
    repo.agendaItems(deps.db, actor, id),
    repo.decisionsOf(deps.db, actor, previous ? [id, previous.id] : [id], unitOnly),
    rulesInForce(deps.db),
  ]);
  const today = deps.clock.today();
  const present = (meetingId: number) =>
    decisions.filter((d) => d.meeting_id === meetingId).map((d) => toDecisionOutput(d, calendar, today));
  return {
    meeting: toMeetingOutput(meeting),
    agenda: agenda.map(toAgendaItemOutput),
    decisions: present(id),
    previous: previous
      ? { id: previous.id, title: previous.title, heldOn: previous.held_on, decisions: present(previous.id) }
      : null,
  };
}

const fieldsOf = (row: repo.MeetingRow) => ({
  title: row.title,
  location: row.location,
  chair: row.chair,
  attendees: row.attendees,
  minutes: row.minutes,
  state: row.state,
  version: row.version,
});

/** Changes the meeting's fields and minutes at the version read; 409 when someone else changed it first. */
export async function updateMeeting(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: MeetingUpdateInput,
): Promise<MeetingOutput> {
  requirePermission(actor, 'meeting.manage');
  const before = await meetingInScope(db, actor, id);
  const { version, ...changes } = input;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateMeeting(trx, id, version, changes))) throw errors.conflict('meeting.changedByOthers');
    await recordAudit(trx, actor, {
      entityType: 'meeting',
      entityId: id,
      action: 'update',
      regionCode: before.region_code,
      before: fieldsOf(before),
      after: { ...fieldsOf(before), ...changes, version: version + 1 },
    });
  });
  return toMeetingOutput(await meetingInScope(db, actor, id));
}

/** Makes the agenda the given list (add, remove, reorder, note) at the version read; 409 when stale. */
export async function replaceAgenda(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: MeetingAgendaInput,
): Promise<{ items: MeetingAgendaItemOutput[] }> {
  requirePermission(actor, 'meeting.manage');
  const meeting = await meetingInScope(db, actor, id);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.updateMeeting(trx, id, input.version, {}))) throw errors.conflict('meeting.changedByOthers');
    const stored = new Set(await repo.agendaItemIds(trx, id));
    const index = input.items.findIndex((item) => item.id !== undefined && !stored.has(item.id));
    if (index >= 0) throw errors.invalidField(`items.${index}.id`, 'meeting.agendaItemUnknown');
    const before = await repo.agendaItems(trx, actor, id);
    await repo.replaceAgendaItems(
      trx,
      id,
      input.items.map((item, i) => ({
        ...(item.id === undefined ? {} : { id: item.id }),
        position: i + 1,
        projectId: null,
        warningId: null,
        problemId: null,
        title: item.title,
        note: item.note ?? null,
      })),
    );
    await recordAudit(trx, actor, {
      entityType: 'meeting',
      entityId: id,
      action: 'update',
      regionCode: meeting.region_code,
      before: { agenda: before.map((item) => ({ id: item.id, title: item.title, note: item.note })) },
      after: { agenda: input.items },
    });
  });
  return { items: (await repo.agendaItems(db, actor, id)).map(toAgendaItemOutput) };
}

/** The meeting's record as a .docx, its download audited as an export. */
export async function meetingFile(deps: Deps, actor: Actor, id: number) {
  const detail = await meetingDetail(deps, actor, id);
  await recordTransfer(deps.db, actor, {
    action: 'export',
    what: 'meeting.docx',
    regionCode: detail.meeting.regionCode,
    details: { meetingId: id },
  });
  return {
    file: await meetingDocx(detail),
    mime: DOCX_MIME,
    fileName: `${detail.meeting.title}-${detail.meeting.heldOn}.docx`,
    asciiFallback: `meeting-${id}-${detail.meeting.heldOn}.docx`,
  };
}
