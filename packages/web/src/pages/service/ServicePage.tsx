import { useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { OfficerProject } from '@keyprojects/core';
import { useOfficerOverview } from '../../api/visits.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { VisitFormModal } from './VisitFormModal.tsx';
import { VisitList } from './VisitList.tsx';

/** The service officer's full-time service view (全程服务): figures, their projects at a glance, recent visits. */
export default function ServicePage() {
  const t = useT();
  const { can } = useSession();
  const query = useOfficerOverview();
  const [recording, setRecording] = useState<{ projectId?: number } | null>(null);

  if (!can('visit.write')) return <Forbidden />;
  if (query.isError) return <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <PageLoading />;

  const names = new Map(data.projects.map((p) => [p.id, p.name]));
  const columns: TableColumnsType<OfficerProject> = [
    {
      title: t('visit.project'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/projects/${p.id}`}>{name}</Link>
          <Typography.Text type="secondary" className="kp-nowrap">
            {p.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('service.lastVisit'),
      dataIndex: 'lastVisitOn',
      render: (date: string | null) =>
        date ? (
          <span className="kp-nowrap">{date}</span>
        ) : (
          <Typography.Text type="warning">{t('service.never')}</Typography.Text>
        ),
    },
    { title: t('service.visits'), dataIndex: 'visits', align: 'right' },
    {
      title: t('service.warnings'),
      dataIndex: 'activeWarnings',
      render: (n: number, p) =>
        n === 0 ? (
          0
        ) : (
          <Tag color={p.redWarnings > 0 ? 'red' : 'gold'}>
            {n}
            {p.redWarnings > 0 ? ` · ${t('service.redWarnings', { count: p.redWarnings })}` : ''}
          </Tag>
        ),
    },
    { title: t('service.openProblems'), dataIndex: 'openProblems', align: 'right' },
    {
      key: 'record',
      render: (_: unknown, p) => (
        <Button size="small" onClick={() => setRecording({ projectId: p.id })}>
          {t('service.record')}
        </Button>
      ),
    },
  ];
  const figures = [
    { key: 'projects', title: t('service.myProjects'), value: data.totals.projects },
    { key: 'visits', title: t('service.visitsThisMonth'), value: data.totals.visitsThisMonth },
    { key: 'raised', title: t('service.problemsRaised'), value: data.totals.problemsRaised },
    { key: 'solved', title: t('service.problemsSolved'), value: data.totals.problemsSolved },
    { key: 'warnings', title: t('service.activeWarnings'), value: data.totals.activeWarnings },
  ];

  return (
    <div className="kp-page">
      <PageHeader
        title={t('service.title')}
        sub={t('service.sub', { date: data.asOf })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording({})}>
            {t('service.record')}
          </Button>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={f.title} value={f.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('service.projectsTitle')}>
            <Table<OfficerProject>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={data.projects}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: t('service.noProjects') }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('service.recentVisits')}>
            <VisitList visits={data.recentVisits} projectNames={names} />
          </Card>
        </Col>
      </Row>
      <VisitFormModal
        open={recording !== null}
        projects={data.projects}
        {...(recording?.projectId !== undefined ? { projectId: recording.projectId } : {})}
        onClose={() => setRecording(null)}
      />
    </div>
  );
}
