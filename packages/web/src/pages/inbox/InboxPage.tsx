import { useState } from 'react';
import { App, Badge, Button, Card, Empty, Flex, List, Pagination, Segmented, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { NotificationOrder, NotificationOutput } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  useNotifications,
} from '../../api/notifications.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';

const PAGE_SIZE = 20;

/** The signed-in user's notices: unread first or newest first, open one (which marks it read), mark all read. */
export default function InboxPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [order, setOrder] = useState<NotificationOrder>('unreadFirst');
  const [page, setPage] = useState(1);
  const query = useNotifications({ order, page, pageSize: PAGE_SIZE });
  const data = query.data;

  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = async (item: NotificationOutput) => {
    if (item.readAt === null) await markNotificationRead(item.id);
    await refresh();
  };
  const handleOpen = (item: NotificationOutput) => {
    markRead(item)
      .then(() => (item.link ? navigate(item.link) : undefined))
      .catch((error: unknown) => void message.error(errorMessage(error)));
  };
  const handleReadAll = () => {
    markAllNotificationsRead()
      .then(async (result) => {
        void message.success(t('inbox.allRead', { count: result.marked }));
        await refresh();
      })
      .catch((error: unknown) => void message.error(errorMessage(error)));
  };

  return (
    <div className="kp-page">
      <PageHeader
        title={t('inbox.title')}
        sub={data ? t('inbox.summary', { total: data.total, unread: data.unread }) : undefined}
        extra={
          <>
            <Segmented<NotificationOrder>
              value={order}
              onChange={(value) => {
                setOrder(value);
                setPage(1);
              }}
              options={[
                { value: 'unreadFirst', label: t('inbox.unreadFirst') },
                { value: 'newest', label: t('inbox.newest') },
              ]}
            />
            <Button icon={<CheckOutlined />} onClick={handleReadAll} disabled={!data?.unread}>
              {t('inbox.readAll')}
            </Button>
          </>
        }
      />
      {query.isError && <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />}
      <Card size="small">
        <List
          loading={query.isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              actions={[
                item.link ? (
                  <Button key="open" type="link" size="small" onClick={() => handleOpen(item)}>
                    {t('inbox.open')}
                  </Button>
                ) : null,
                item.readAt === null ? (
                  <Button
                    key="read"
                    type="link"
                    size="small"
                    onClick={() => void markRead(item).catch((e: unknown) => void message.error(errorMessage(e)))}
                  >
                    {t('inbox.markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap>
                    {item.readAt === null && <Badge status="processing" text={t('inbox.unread')} />}
                    <Typography.Text strong={item.readAt === null}>{item.title}</Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>
                    <Typography.Text type="secondary">{item.createdOn}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {data && data.total > PAGE_SIZE && (
          <Flex justify="end" style={{ marginTop: 12 }}>
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              showSizeChanger={false}
              onChange={setPage}
            />
          </Flex>
        )}
      </Card>
    </div>
  );
}
