/**
 * Dispatch meetings (调度会): list, agenda preview, create (agenda generated), detail (agenda, decisions, the
 * previous meeting's decisions), edit fields and minutes, replace the agenda, record decisions (each a problem
 * with a clock), and the .docx record. Thin: schema, access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  meetingAgendaInput,
  meetingAgendaOutput,
  meetingAgendaQuery,
  meetingCreateInput,
  meetingDecisionInput,
  meetingDecisionOutput,
  meetingDetailOutput,
  meetingListOutput,
  meetingListQuery,
  meetingOutput,
  meetingUpdateInput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorBody, errorResponses, sendDownload } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { DOCX_MIME } from '../bulletin/bulletin.docx.ts';
import { addDecision } from './meeting.decisions.ts';
import {
  createMeeting,
  listMeetings,
  meetingDetail,
  meetingFile,
  previewAgenda,
  replaceAgenda,
  updateMeeting,
} from './meeting.service.ts';

const tags = ['meetings'];
const conflictResponses = { ...errorResponses, 409: errorBody };

/** The meeting routes, registered under /api/v1/meetings. */
export const meetingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        config: { access: 'meeting.read' },
        schema: {
          tags,
          summary: '调度会列表',
          querystring: meetingListQuery,
          response: { 200: meetingListOutput, ...errorResponses },
        },
      },
      (request) => listMeetings(deps.db, requireActor(request), request.query),
    );

    app.get(
      '/agenda-preview',
      {
        config: { access: 'meeting.manage' },
        schema: {
          tags,
          summary: '议题预览：该区域截至会议日期的红、黄色预警和逾期问题（红色在前）',
          querystring: meetingAgendaQuery,
          response: { 200: meetingAgendaOutput, ...errorResponses },
        },
      },
      (request) => previewAgenda(deps.db, requireActor(request), request.query),
    );

    app.post(
      '/',
      {
        config: { access: 'meeting.manage' },
        schema: {
          tags,
          summary: '新建调度会（自动生成议题，衔接上次同类会议）',
          body: meetingCreateInput,
          response: { 201: meetingOutput, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await createMeeting(deps, requireActor(request), request.body)),
    );

    app.get(
      '/:id',
      {
        config: { access: 'meeting.read' },
        schema: {
          tags,
          summary: '调度会详情：议题、纪要、议定事项及其时限状态、上次会议议定事项的办理情况',
          params: idParams,
          response: { 200: meetingDetailOutput, ...errorResponses },
        },
      },
      (request) => meetingDetail(deps, requireActor(request), request.params.id),
    );

    app.patch(
      '/:id',
      {
        config: { access: 'meeting.manage' },
        schema: {
          tags,
          summary: '修改会议信息和纪要（须带读取时的 version；他人已修改时返回 409）',
          params: idParams,
          body: meetingUpdateInput,
          response: { 200: meetingOutput, ...conflictResponses },
        },
      },
      (request) => updateMeeting(deps.db, requireActor(request), request.params.id, request.body),
    );

    app.put(
      '/:id/agenda',
      {
        config: { access: 'meeting.manage' },
        schema: {
          tags,
          summary: '编辑议题（按新顺序提交全部议题：增加、删除、调整顺序、备注）',
          params: idParams,
          body: meetingAgendaInput,
          response: { 200: meetingAgendaOutput, ...conflictResponses },
        },
      },
      (request) => replaceAgenda(deps.db, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/:id/decisions',
      {
        config: { access: 'meeting.manage' },
        schema: {
          tags,
          summary: '记录议定事项：作为问题交办责任单位，按同一时限规则计时',
          params: idParams,
          body: meetingDecisionInput,
          response: { 201: meetingDecisionOutput, ...conflictResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addDecision(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/:id/docx',
      {
        config: { access: 'meeting.read' },
        schema: {
          tags,
          summary: '下载会议议题、纪要和议定事项（Word .docx）',
          params: idParams,
          produces: [DOCX_MIME],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const download = await meetingFile(deps, requireActor(request), request.params.id);
        return sendDownload(reply, download.file, download);
      },
    );
  };
