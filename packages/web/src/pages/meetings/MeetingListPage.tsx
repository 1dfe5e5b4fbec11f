import { Button, Card, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS, type MeetingOutput } from '@keyprojects/core';
import { useMeetings } from '../../api/meetings.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

/** 调度会: the meetings the user may read, newest first, with how many decisions each took. */
export default function MeetingListPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const navigate = useNavigate();
  const meetings = useMeetings();
  if (!can('meeting.read')) return <Forbidden />;

  const columns: TableProps<MeetingOutput>['columns'] = [
    { title: t('meeting.heldOn'), dataIndex: 'heldOn', width: 120 },
    {
      title: t('meeting.name'),
      dataIndex: 'title',
      width: 320,
      render: (title: string, row) => <Link to={`/meetings/${row.id}`}>{title}</Link>,
    },
    {
      title: t('meeting.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: MeetingOutput['kind']) => label(MEETING_KIND_LABELS[kind]),
    },
    { title: t('meeting.region'), dataIndex: 'regionName', width: 120 },
    {
      title: t('meeting.state'),
      dataIndex: 'state',
      width: 100,
      render: (state: MeetingOutput['state']) => (
        <Tag color={state === 'held' ? 'green' : 'blue'}>{label(MEETING_STATE_LABELS[state])}</Tag>
      ),
    },
    {
      title: t('meeting.decisions'),
      dataIndex: 'decisionCount',
      width: 100,
      align: 'right',
      render: (count: number) => t('meeting.decisionCount', { count }),
    },
  ];

  return (
    <div className="kp-page">
      <PageHeader
        title={t('meeting.title')}
        sub={t('meeting.sub')}
        extra={
          can('meeting.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/meetings/new')}>
              {t('meeting.new')}
            </Button>
          )
        }
      />
      {meetings.error && <RetryAlert message={meetings.error.message} onRetry={() => void meetings.refetch()} />}
      <Card size="small">
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={meetings.data?.items ?? []}
          loading={meetings.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('meeting.empty') }}
        />
      </Card>
    </div>
  );
}
