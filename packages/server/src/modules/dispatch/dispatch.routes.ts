/** The dispatch configuration routes: the working-day calendar and the deadline rule. Thin: schema, one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarConfig, calendarUpdate, deadlineRuleConfig, deadlineRuleUpdate, errorBody } from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { getCalendar, getDeadlineRule, putCalendar, putDeadlineRule } from './dispatch-config.service.ts';

/** The /dispatch routes (registered under /api/v1/dispatch). */
export const dispatchRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar',
      {
        config: { access: 'problem.read' },
        schema: { tags: ['dispatch'], summary: '工作日历', response: { 200: calendarConfig, ...errorResponses } },
      },
      (request) => getCalendar(deps.db, requireActor(request)),
    );
    app.put(
      '/calendar',
      {
        config: { access: 'dispatch.configure' },
        schema: {
          tags: ['dispatch'],
          summary: '保存工作日历（节假日、调休上班日；version 为读取时的版本）',
          body: calendarUpdate,
          response: { 200: calendarConfig, 409: errorBody, ...errorResponses },
        },
      },
      (request) => putCalendar(deps.db, requireActor(request), request.body),
    );
    app.get(
      '/deadline-rule',
      {
        config: { access: 'problem.read' },
        schema: {
          tags: ['dispatch'],
          summary: '办理时限规则',
          response: { 200: deadlineRuleConfig, ...errorResponses },
        },
      },
      (request) => getDeadlineRule(deps.db, requireActor(request)),
    );
    app.put(
      '/deadline-rule',
      {
        config: { access: 'dispatch.configure' },
        schema: {
          tags: ['dispatch'],
          summary: '保存办理时限规则（只影响此后交办的问题）',
          body: deadlineRuleUpdate,
          response: { 200: deadlineRuleConfig, 409: errorBody, ...errorResponses },
        },
      },
      (request) => putDeadlineRule(deps.db, requireActor(request), request.body),
    );
  };
