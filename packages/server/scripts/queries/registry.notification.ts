/**
 * The query snapshots' registry for the inbox and the outbox (see registry.ts).
 */
import * as notification from '../../src/modules/notification/notification.repository.ts';
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
      usersCoveringRegion: [example(notification.usersCoveringRegion, DISTRICT, ['city_admin', 'district_staff'])],
    },
  },
];
