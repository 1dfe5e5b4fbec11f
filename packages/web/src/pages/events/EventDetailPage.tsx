import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Descriptions, Popconfirm, Statistic, Table, Tag, Row, Col } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import type { EventProject } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { useEvent, useEventActions, useEventSummary } from '../../api/events.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProjectPicker } from '../../components/ProjectPicker.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { EventFormModal } from './EventFormModal.tsx';

/** An event (集中开工): its facts, totals, the year's summary sentence and its projects (who started by it). */
export default function EventDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const event = useEvent(id);
  const summary = useEventSummary(event.data ? Number(event.data.heldOn.slice(0, 4)) : undefined);
  const { remove, removeProject, addProjects } = useEventActions();
  if (event.isError) return <RetryAlert message={event.error.message} onRetry={() => void event.refetch()} />;
  const data = event.data;
  const manage = can('event.manage');
  const onError = (error: Error) => void message.error(errorMessage(error));

  const columns = [
    {
      title: t('reserve.col.project'),
      key: 'name',
      render: (_: unknown, p: EventProject) => <Link to={`/projects/${p.id}`}>{`${p.name}（${p.code}）`}</Link>,
    },
    { title: t('reserve.col.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('reserve.col.investment'),
      dataIndex: 'totalInvestment',
      align: 'right' as const,
      responsive: ['md' as const],
      render: (value: string) => <MoneyText value={value} />,
    },
    { title: t('event.startDate'), dataIndex: 'actualStartDate', responsive: ['sm' as const] },
    {
      title: t('event.startedBy'),
      key: 'by',
      render: (_: unknown, p: EventProject) =>
        p.startedByEvent ? <Tag color="blue">{t('event.byEvent')}</Tag> : <Tag>{t('event.before')}</Tag>,
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'remove',
            render: (_: unknown, p: EventProject) =>
              p.startedByEvent ? null : (
                <Popconfirm
                  title={t('event.removeConfirm')}
                  onConfirm={() => removeProject.mutate({ id, projectId: p.id }, { onError })}
                >
                  <Button size="small" type="link" danger>
                    {t('event.remove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="kp-page">
      <PageHeader
        title={data?.name ?? t('event.title')}
        sub={data ? `${data.heldOn} · ${t(`event.level.${data.level}`)} · ${data.regionName}` : undefined}
        extra={
          manage &&
          data && (
            <>
              <Button onClick={() => setEditing(true)}>{t('event.edit')}</Button>
              <Popconfirm
                title={t('event.deleteConfirm')}
                onConfirm={() => remove.mutate(id, { onSuccess: () => void navigate('/events'), onError })}
              >
                <Button danger>{t('event.delete')}</Button>
              </Popconfirm>
            </>
          )
        }
      />
      {summary.data && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={summary.data.text} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small" loading={event.isLoading}>
            <Statistic title={t('event.projects')} value={data?.totals.projects ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={event.isLoading}>
            <Statistic title={t('event.investmentYi')} value={data?.totals.totalInvestmentYi ?? '0'} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" loading={event.isLoading}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('event.field.place')}>{data?.place ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('event.field.note')}>{data?.note ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('event.projectList')}>
        {manage && (
          <ProjectPicker
            placeholder={t('event.pickProjects')}
            addLabel={t('event.addProjects')}
            pending={addProjects.isPending}
            onAdd={(projectIds) =>
              addProjects.mutateAsync({ id, projectIds }).then(() => void message.success(t('event.added')))
            }
          />
        )}
        <Table<EventProject>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.projects ?? []}
          loading={event.isFetching}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="event-projects"
        />
      </Card>
      {data && (
        <EventFormModal
          event={data}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </div>
  );
}
