/** The inbox routes: the signed-in user's own notices, the unread count, and marking read. Thin: schema, one call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  notificationList,
  notificationListQuery,
  notificationOutput,
  readAllResult,
  unreadCount,
} from '@keyprojects/core';
import type { AppDeps } from '../../deps.ts';
import { errorResponses } from '../../http.ts';
import { requireActor } from '../auth/auth.hooks.ts';
import { listMyNotifications, markAllRead, markRead, myUnreadCount } from './notification.service.ts';

/** The /notifications routes (registered under /api/v1/notifications). */
export const notificationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/',
      {
        config: { access: 'notification.read' },
        schema: {
          tags: ['notifications'],
          summary: '我的消息（未读在前或最新在前，分页）',
          querystring: notificationListQuery,
          response: { 200: notificationList, ...errorResponses },
        },
      },
      (request) => listMyNotifications(deps.db, requireActor(request), request.query),
    );

    app.get(
      '/unread-count',
      {
        config: { access: 'notification.read' },
        schema: {
          tags: ['notifications'],
          summary: '未读消息数',
          response: { 200: unreadCount, ...errorResponses },
        },
      },
      (request) => myUnreadCount(deps.db, requireActor(request)),
    );

    app.post(
      '/:id/read',
      {
        config: { access: 'notification.read' },
        schema: {
          tags: ['notifications'],
          summary: '标记一条消息为已读',
          params: idParams,
          response: { 200: notificationOutput, ...errorResponses },
        },
      },
      (request) => markRead(deps.db, requireActor(request), request.params.id),
    );

    app.post(
      '/read-all',
      {
        config: { access: 'notification.read' },
        schema: {
          tags: ['notifications'],
          summary: '全部标记为已读',
          response: { 200: readAllResult, ...errorResponses },
        },
      },
      (request) => markAllRead(deps.db, requireActor(request)),
    );
  };
