/**
 * The region timeline: overdue nodes and those due this month, drawn as a Gantt (project · node per row) and listed
 * by the week their planned end falls in (weeks start on Monday), overdue first.
 */
import { Card, Empty, List, Space, Typography } from 'antd';
import type { PlanNodeRowOutput } from '@keyprojects/core';
import { Link } from 'react-router';
import { GanttChart, type GanttRow } from '../../components/charts/GanttChart.tsx';
import { useT } from '../../i18n/useT.ts';
import { NodeStatusTag } from '../projects/ProjectPlanNodeTable.tsx';

const DAY = 86_400_000;

/** The Monday of the week a date falls in (ISO date arithmetic in UTC: no time zone moves a day). */
export function weekStart(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * DAY).toISOString().slice(0, 10);
}

function ganttRow(r: PlanNodeRowOutput): GanttRow {
  return {
    key: `${r.projectId}-${r.key}`,
    label: `${r.projectName} · ${r.name}`,
    plannedStart: r.plannedStart,
    plannedEnd: r.plannedEnd,
    actualStart: r.actualStart,
    actualEnd: r.actualEnd,
    baselineStart: r.baselineStart,
    baselineEnd: r.baselineEnd,
    done: r.status === 'done',
    overdue: r.overdue,
    delayVsBaselineDays: r.delayVsBaselineDays,
    delayVsPlanDays: r.delayVsPlanDays,
    detail: [r.regionName, r.responsibleOrgName, r.responsiblePerson].filter(Boolean).join(' · '),
  };
}

interface PlanTimelineProps {
  overdue: readonly PlanNodeRowOutput[];
  upcoming: readonly PlanNodeRowOutput[];
  today: string;
  compact: boolean;
  loading: boolean;
}

/** The timeline Gantt and the list grouped by week. */
export function PlanTimeline({ overdue, upcoming, today, compact, loading }: PlanTimelineProps) {
  const t = useT();
  const seen = new Set(overdue.map((r) => `${r.projectId}-${r.key}`));
  const rest = upcoming.filter((r) => !seen.has(`${r.projectId}-${r.key}`) && r.status !== 'done');
  const groups = new Map<string, PlanNodeRowOutput[]>();
  for (const r of [...rest].sort((a, b) => (a.plannedEnd < b.plannedEnd ? -1 : 1))) {
    const week = weekStart(r.plannedEnd);
    groups.set(week, [...(groups.get(week) ?? []), r]);
  }
  const sections: { title: string; rows: readonly PlanNodeRowOutput[] }[] = [
    ...(overdue.length ? [{ title: t('plans.timeline.overdue'), rows: overdue }] : []),
    ...[...groups].map(([week, rows]) => ({ title: t('plans.timeline.week', { from: week }), rows })),
  ];
  if (!loading && sections.length === 0) return <Empty />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('plans.timeline.sub')}</Typography.Text>
      <GanttChart
        rows={[...overdue, ...rest].map(ganttRow)}
        today={today}
        compact={compact}
        ariaLabel={t('plan.gantt.aria')}
        testId="plans-timeline-gantt"
      />
      {sections.map((s) => (
        <Card key={s.title} size="small" title={s.title}>
          <List
            size="small"
            dataSource={[...s.rows]}
            renderItem={(r) => (
              <List.Item>
                <Space wrap size={4}>
                  <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>
                  <Typography.Text>{r.name}</Typography.Text>
                  <Typography.Text type="secondary">{r.plannedEnd}</Typography.Text>
                  <Typography.Text type="secondary">{r.responsibleOrgName ?? ''}</Typography.Text>
                </Space>
                <NodeStatusTag node={r} />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
