/** 调整计划项目: the re-planned projects with the days their target moved against the baseline. */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReplannedRowOutput } from '@keyprojects/core';
import { Link } from 'react-router';
import { useReplanned } from '../../api/plans.ts';
import { useT } from '../../i18n/useT.ts';
import { DelayText } from '../projects/ProjectPlanNodeTable.tsx';

/** The re-planned projects in the region (the actor's scope without one). */
export function ReplannedTable({ regionCode }: { regionCode: string | undefined }) {
  const t = useT();
  const list = useReplanned({ regionCode });
  const columns: ColumnsType<ReplannedRowOutput> = [
    {
      title: t('plan.col.project'),
      key: 'project',
      render: (_, r) => <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>,
    },
    { title: t('plan.col.region'), dataIndex: 'regionName', responsive: ['md'] },
    { title: t('plans.replanned.versions'), dataIndex: 'versions' },
    { title: t('plans.replanned.baselineTarget'), dataIndex: 'baselineTarget' },
    { title: t('plans.replanned.latestTarget'), dataIndex: 'latestTarget' },
    { title: t('plans.replanned.daysMoved'), dataIndex: 'daysMoved', render: (d: number) => <DelayText days={d} /> },
    {
      title: t('plans.replanned.reason'),
      dataIndex: 'lastReason',
      render: (reason: string | null) => (
        <Typography.Text ellipsis={{ tooltip: reason }} style={{ maxWidth: 220 }}>
          {reason ?? '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('plans.replanned.at'),
      dataIndex: 'lastReplannedAt',
      render: (_: string, row: ReplannedRowOutput) => row.effectiveAt.lastReplannedAt?.slice(0, 10) ?? '—',
    },
  ];
  return (
    <Table<ReplannedRowOutput>
      rowKey="projectId"
      size="small"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isLoading}
      scroll={{ x: 'max-content' }}
      data-testid="plans-replanned-table"
    />
  );
}
