/**
 * The query snapshots' registry for the inbox and the outbox (see registry.ts).
 */
import * as notification from '../../src/modules/notification/notification.repository.ts';
import * as outbox from '../../src/modules/notification/notification.outbox.ts';
import { example, type RepositoryEntry } from './capture.ts';
import { AS_OF, DISTRICT, IDS } from './examples.ts';

/** The registry entries of the notification module. */
export const NOTIFICATION_REGISTRY: readonly RepositoryEntry[] = [
  {
    file: 'modules/notification/notification.repository.ts',
    module: notification,
    examples: {
      notify: [
        example(notification.notify, [IDS.cityAdmin, IDS.districtStaff], {
          kind: 'problem_assigned',
          title: '问题已交办',
          body: '示例项目：用地手续办理滞后',
          link: '/problems/1',
          entityType: 'problem',
          entityId: 1,
          createdOn: AS_OF,
        }),
      ],
      usersOfOrganization: [example(notification.usersOfOrganization, IDS.owner)],
      usersOfOrganizations: [example(notification.usersOfOrganizations, [IDS.owner])],
      usersCoveringRegion: [example(notification.usersCoveringRegion, DISTRICT, ['city_admin', 'district_staff'])],
      listUserNotifications: [
        example(notification.listUserNotifications, IDS.cityAdmin, { order: 'unreadFirst', offset: 0, limit: 20 }),
        example(notification.listUserNotifications, IDS.cityAdmin, { order: 'newest', offset: 20, limit: 20 }),
      ],
      countUserNotifications: [example(notification.countUserNotifications, IDS.cityAdmin)],
      countUnread: [example(notification.countUnread, IDS.cityAdmin)],
      markNotificationRead: [example(notification.markNotificationRead, IDS.cityAdmin, 1)],
      markAllNotificationsRead: [example(notification.markAllNotificationsRead, IDS.cityAdmin)],
    },
  },
  {
    file: 'modules/notification/notification.outbox.ts',
    module: outbox,
    examples: {
      claimBatch: [example(outbox.claimBatch, 'sms-gateway-1', 50)],
      markSent: [example(outbox.markSent, [1n, 2n])],
      markFailed: [example(outbox.markFailed, 3n, 'provider answered 503')],
      peekClaimable: [example(outbox.peekClaimable, 100)],
      outboxCounts: [example(outbox.outboxCounts)],
    },
  },
];
