/**
 * The node table of a project's plan: planned, actual and baseline dates, the delays against both, who is responsible,
 * and the evidence files attached to each node (links to download them).
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { PlanNodeOutput } from '@keyprojects/core';
import { attachmentUrl } from '../../api/visits.ts';
import { GANTT_COLORS, type GanttRow } from '../../components/charts/GanttChart.tsx';
import { useT } from '../../i18n/useT.ts';

/** The Gantt's rows of a plan's nodes. */
export function ganttRowsOf(nodes: readonly PlanNodeOutput[]): GanttRow[] {
  return nodes.map((n) => ({
    key: n.key,
    label: n.name,
    plannedStart: n.plannedStart,
    plannedEnd: n.plannedEnd,
    actualStart: n.actualStart,
    actualEnd: n.actualEnd,
    baselineStart: n.baselineStart,
    baselineEnd: n.baselineEnd,
    done: n.status === 'done',
    overdue: n.overdue,
    delayVsBaselineDays: n.delayVsBaselineDays,
    delayVsPlanDays: n.delayVsPlanDays,
    detail: [n.responsibleOrgName, n.responsiblePerson].filter(Boolean).join(' · ') || undefined,
  }));
}

/** A delay in days: red when late, "on time" otherwise, a dash without a baseline. */
export function DelayText({ days }: { days: number | null }) {
  const t = useT();
  if (days === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (days <= 0) return <Typography.Text type="success">{t('plan.onTime')}</Typography.Text>;
  return <Typography.Text style={{ color: GANTT_COLORS.overdue }}>{t('plan.days', { days })}</Typography.Text>;
}

/** A node's status tag, red when overdue. */
export function NodeStatusTag({ node }: { node: Pick<PlanNodeOutput, 'status' | 'overdue'> }) {
  const t = useT();
  if (node.overdue && node.status !== 'done') return <Tag color="red">{t('plan.overdue')}</Tag>;
  const color = node.status === 'done' ? 'green' : node.status === 'in_progress' ? 'blue' : 'default';
  return <Tag color={color}>{t(`plan.nodeStatus.${node.status}`)}</Tag>;
}

interface ProjectPlanNodeTableProps {
  nodes: readonly PlanNodeOutput[];
  /** Shown as a "mark done" action on each node when given (the current plan, with plan.edit). */
  onProgress?: (node: PlanNodeOutput) => void;
  compact: boolean;
}

/** The plan's nodes as a table (scrolling sideways on a phone). */
export function ProjectPlanNodeTable({ nodes, onProgress, compact }: ProjectPlanNodeTableProps) {
  const t = useT();
  const columns: ColumnsType<PlanNodeOutput> = [
    {
      title: t('plan.col.node'),
      dataIndex: 'name',
      fixed: compact ? undefined : 'left',
      width: 160,
      render: (name: string) => (
        <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 150 }}>
          {name}
        </Typography.Text>
      ),
    },
    { title: t('plan.col.planned'), key: 'planned', render: (_, n) => `${n.plannedStart} ~ ${n.plannedEnd}` },
    {
      title: t('plan.col.actual'),
      key: 'actual',
      render: (_, n) => (n.actualStart || n.actualEnd ? `${n.actualStart ?? ''} ~ ${n.actualEnd ?? ''}` : '—'),
    },
    { title: t('plan.col.baseline'), dataIndex: 'baselineEnd', render: (d: string | null) => d ?? '—' },
    {
      title: t('plan.col.delayBaseline'),
      dataIndex: 'delayVsBaselineDays',
      render: (d: number | null) => <DelayText days={d} />,
    },
    { title: t('plan.col.delayPlan'), dataIndex: 'delayVsPlanDays', render: (d: number) => <DelayText days={d} /> },
    {
      title: t('plan.col.responsible'),
      key: 'responsible',
      render: (_, n) => [n.responsibleOrgName, n.responsiblePerson].filter(Boolean).join(' · ') || '—',
    },
    { title: t('plan.col.status'), key: 'status', render: (_, n) => <NodeStatusTag node={n} /> },
    {
      title: t('lifecycle.col.evidence'),
      key: 'evidence',
      render: (_, n) =>
        n.evidence.length === 0 ? (
          '—'
        ) : (
          <Space size={4} wrap data-testid={`plan-node-evidence-${n.key}`}>
            {n.evidence.map((e) => (
              <a key={e.id} href={attachmentUrl(e.id)} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {e.fileName}
              </a>
            ))}
          </Space>
        ),
    },
  ];
  if (onProgress)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, n) => (
        <Button size="small" type="link" data-testid={`plan-node-progress-${n.key}`} onClick={() => onProgress(n)}>
          {t('plan.action.progress')}
        </Button>
      ),
    });
  return (
    <Table<PlanNodeOutput>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...nodes]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="plan-node-table"
      rowClassName={(n) => (n.overdue ? 'kp-row-overdue' : '')}
    />
  );
}
