/**
 * Service officers' routes: record and list a project's visits, a visit's photos, the officer's overview, and the
 * staff's list of officers. Thin: schema, declared access, one service call.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachmentOutput,
  idParams,
  officerOverview,
  serviceOfficerList,
  visitInput,
  visitList,
  visitOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { PHOTO_UPLOAD_LIMITS, readUploadedPhoto } from '../attachment/attachment.upload.ts';
import {
  addVisitPhoto,
  listOfficers,
  officerOverview as overviewOf,
  projectVisits,
  recordVisit,
} from './visit.service.ts';

/** The visit and officer routes (registered under /api/v1). */
export const visitRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, PHOTO_UPLOAD_LIMITS);

    app.post(
      '/projects/:id/visits',
      {
        config: { access: 'visit.write' },
        schema: {
          tags: ['visits'],
          summary: '记录走访（仅该项目的首席服务员；日期不晚于今天）',
          params: idParams,
          body: visitInput,
          response: { 201: visitOutput, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordVisit(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/projects/:id/visits',
      {
        config: { access: 'visit.read' },
        schema: {
          tags: ['visits'],
          summary: '项目的走访记录（最新在前）',
          params: idParams,
          response: { 200: visitList, ...errorResponses },
        },
      },
      (request) => projectVisits(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/visits/:id/photos',
      {
        config: { access: 'visit.write' },
        schema: {
          tags: ['visits'],
          summary: '上传走访照片（JPEG/PNG/WebP，不超过 5 MB；multipart 字段 photo）',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const photo = await addVisitPhoto(deps, actor, request.params.id, await readUploadedPhoto(request));
        return reply.status(201).send(photo);
      },
    );

    app.get(
      '/officers/me/overview',
      {
        config: { access: 'visit.write' },
        schema: {
          tags: ['visits'],
          summary: '首席服务员全程服务概览：我的项目、本月走访、问题提出与解决、预警',
          response: { 200: officerOverview, ...errorResponses },
        },
      },
      (request) => overviewOf(deps, requireActor(request)),
    );

    app.get(
      '/officers',
      {
        config: { access: 'visit.read' },
        schema: {
          tags: ['visits'],
          summary: '首席服务员一览：所服务的项目与走访情况（本辖区）',
          response: { 200: serviceOfficerList, ...errorResponses },
        },
      },
      (request) => listOfficers(deps, requireActor(request)),
    );
  };
