import { List, Tag, Typography } from 'antd';
import type { MeetingAgendaItemOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** The agenda as read: each item numbered, its source and level as a tag, its note below. */
export function AgendaList({ items, loading }: { items: readonly MeetingAgendaItemOutput[]; loading?: boolean }) {
  const t = useT();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: t('meeting.agendaEmpty') }}
      renderItem={(item, index) => (
        <List.Item key={item.id ?? `${item.source}-${item.warningId ?? item.problemId ?? index}`}>
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{index + 1}. </Typography.Text>
            {item.level && (
              <Tag color={item.level === 'red' ? 'red' : 'gold'}>
                {t(item.level === 'red' ? 'meeting.level.red' : 'meeting.level.yellow')}·
                {t(`meeting.source.${item.source}`)}
              </Tag>
            )}
            <Typography.Text>{item.title}</Typography.Text>
            {item.note && (
              <div>
                <Typography.Text type="secondary">
                  {t('meeting.note')}：{item.note}
                </Typography.Text>
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
