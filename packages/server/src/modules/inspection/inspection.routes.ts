/**
 * Site supervision routes: record and list inspections (per project and per region), their photos, and a
 * project's site video link. Thin: schema, declared access, one service call.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachmentOutput,
  idParams,
  inspectionInput,
  inspectionList,
  inspectionListQuery,
  inspectionOutput,
  projectInspectionList,
  videoLinkInput,
  videoLinkOutput,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses, noContent } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { PHOTO_UPLOAD_LIMITS, readUploadedPhoto } from '../attachment/attachment.upload.ts';
import {
  addInspectionPhoto,
  getVideoLink,
  listInspections,
  projectInspections,
  recordInspection,
  removeVideoLink,
  setVideoLink,
} from './inspection.service.ts';

/** The inspection and video-link routes (registered under /api/v1). */
export const inspectionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(multipart, PHOTO_UPLOAD_LIMITS);

    app.post(
      '/projects/:id/inspections',
      {
        config: { access: 'inspection.write' },
        schema: {
          tags: ['inspections'],
          summary: '记录线上/线下督导；要求整改的，整改事项按问题清单跟踪（同一事务）',
          params: idParams,
          body: inspectionInput,
          response: { 201: inspectionOutput, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordInspection(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/projects/:id/inspections',
      {
        config: { access: 'inspection.read' },
        schema: {
          tags: ['inspections'],
          summary: '项目的督导记录（最新在前）',
          params: idParams,
          response: { 200: projectInspectionList, ...errorResponses },
        },
      },
      (request) => projectInspections(deps, requireActor(request), request.params.id),
    );

    app.get(
      '/inspections',
      {
        config: { access: 'inspection.read' },
        schema: {
          tags: ['inspections'],
          summary: '督导记录一览（本辖区，可按区县、方式、日期筛选，分页）',
          querystring: inspectionListQuery,
          response: { 200: inspectionList, ...errorResponses },
        },
      },
      (request) => listInspections(deps, requireActor(request), request.query),
    );

    app.post(
      '/inspections/:id/photos',
      {
        config: { access: 'inspection.write' },
        schema: {
          tags: ['inspections'],
          summary: '上传督导照片（JPEG/PNG/WebP，不超过 5 MB；multipart 字段 photo）',
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 201: attachmentOutput, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const photo = await addInspectionPhoto(deps, actor, request.params.id, await readUploadedPhoto(request));
        return reply.status(201).send(photo);
      },
    );

    app.get(
      '/projects/:id/video-link',
      {
        config: { access: 'inspection.read' },
        schema: {
          tags: ['inspections'],
          summary: '项目现场视频链接',
          params: idParams,
          response: { 200: videoLinkOutput, ...errorResponses },
        },
      },
      (request) => getVideoLink(deps, requireActor(request), request.params.id),
    );

    app.put(
      '/projects/:id/video-link',
      {
        config: { access: 'inspection.write' },
        schema: {
          tags: ['inspections'],
          summary: '设置项目现场视频链接（仅 http/https 网址）',
          params: idParams,
          body: videoLinkInput,
          response: { 200: videoLinkOutput, ...errorResponses },
        },
      },
      (request) => setVideoLink(deps, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/projects/:id/video-link',
      {
        config: { access: 'inspection.write' },
        schema: {
          tags: ['inspections'],
          summary: '删除项目现场视频链接',
          params: idParams,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await removeVideoLink(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
