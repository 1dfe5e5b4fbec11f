/** A page of plan nodes across projects (this week's tasks, this month's nodes, overdue ones) as a table. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PlanNodeRowOutput, PlanNodesOutput } from '@keyprojects/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT.ts';
import { DelayText, NodeStatusTag } from '../projects/ProjectPlanNodeTable.tsx';

interface PlanNodeListProps {
  data: PlanNodesOutput | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  compact: boolean;
}

/** The node rows with their project, dates, delays and who is responsible. */
export function PlanNodeList({ data, loading, page, pageSize, onPage, compact }: PlanNodeListProps) {
  const t = useT();
  const columns: ColumnsType<PlanNodeRowOutput> = [
    {
      title: t('plan.col.project'),
      key: 'project',
      width: compact ? 140 : 240,
      render: (_, r) => (
        <Link to={`/projects/${r.projectId}`}>
          <Typography.Text
            ellipsis={{ tooltip: r.projectName }}
            style={{ maxWidth: compact ? 130 : 230, color: 'inherit' }}
          >
            {r.projectName}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('plan.col.node'), dataIndex: 'name' },
    { title: t('plan.col.region'), dataIndex: 'regionName', responsive: ['md'] },
    { title: t('plan.col.end'), dataIndex: 'plannedEnd' },
    {
      title: t('plan.col.responsible'),
      key: 'responsible',
      render: (_, r) => [r.responsibleOrgName, r.responsiblePerson].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('plan.col.delayBaseline'),
      dataIndex: 'delayVsBaselineDays',
      render: (d: number | null) => <DelayText days={d} />,
    },
    { title: t('plan.col.delayPlan'), dataIndex: 'delayVsPlanDays', render: (d: number) => <DelayText days={d} /> },
    { title: t('plan.col.status'), key: 'status', render: (_, r) => <NodeStatusTag node={r} /> },
  ];
  return (
    <>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="plans-window">
        {data ? t('plans.window', { from: data.from, to: data.to, total: data.total }) : t('common.loading')}
      </Typography.Text>
      <Table<PlanNodeRowOutput>
        rowKey={(r) => `${r.projectId}-${r.key}`}
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        data-testid="plans-node-table"
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: onPage, showSizeChanger: !compact }}
      />
    </>
  );
}
