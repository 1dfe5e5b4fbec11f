/**
 * Groundbreaking events' routes (集中开工): list, summary sentence, detail, create, update, delete, and adding or
 * removing projects. Thin: schema, declared access, one service call.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  eventDetail,
  eventInput,
  eventList,
  eventListQuery,
  eventProjectParams,
  eventProjectsInput,
  eventSummaryOutput,
  eventSummaryQuery,
  idParams,
  noContent,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import * as service from './event.service.ts';

/** The event routes (registered under /api/v1/events). */
export const eventRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { access: 'event.read' } as const;
    const manage = { access: 'event.manage' } as const;
    const tags = ['events'];

    app.get(
      '/',
      {
        config: read,
        schema: {
          tags,
          summary: '集中开工活动（本辖区）',
          querystring: eventListQuery,
          response: { 200: eventList, ...errorResponses },
        },
      },
      (request) => service.listEvents(deps, requireActor(request), request.query),
    );

    app.get(
      '/summary',
      {
        config: read,
        schema: {
          tags,
          summary: '集中开工综述：按级别的活动次数、开工项目数和总投资',
          querystring: eventSummaryQuery,
          response: { 200: eventSummaryOutput, ...errorResponses },
        },
      },
      (request) => service.eventSummary(deps, requireActor(request), request.query),
    );

    app.get(
      '/:id',
      {
        config: read,
        schema: {
          tags,
          summary: '集中开工活动详情',
          params: idParams,
          response: { 200: eventDetail, ...errorResponses },
        },
      },
      (request) => service.eventDetail(deps, requireActor(request), request.params.id),
    );

    app.post(
      '/',
      {
        config: manage,
        schema: {
          tags,
          summary: '登记已举办的集中开工活动（日期不晚于系统日期）',
          body: eventInput,
          response: { 201: eventDetail, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createEvent(deps, requireActor(request), request.body)),
    );

    app.put(
      '/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: '修改集中开工活动（已记录开工后日期不可改）',
          params: idParams,
          body: eventInput,
          response: { 200: eventDetail, ...errorResponses },
        },
      },
      (request) => service.updateEvent(deps, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: '删除未记录开工的集中开工活动',
          params: idParams,
          response: { 204: noContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.deleteEvent(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/:id/projects',
      {
        config: manage,
        schema: {
          tags,
          summary: '列入项目：未开工的项目按活动日期记录开工，已开工的只关联',
          params: idParams,
          body: eventProjectsInput,
          response: { 200: eventDetail, ...errorResponses },
        },
      },
      (request) => service.addEventProjects(deps, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/:id/projects/:projectId',
      {
        config: manage,
        schema: {
          tags,
          summary: '移出项目（开工由本活动记录的不可移出）',
          params: eventProjectParams,
          response: { 200: eventDetail, ...errorResponses },
        },
      },
      (request) => service.removeEventProject(deps, requireActor(request), request.params.id, request.params.projectId),
    );
  };
