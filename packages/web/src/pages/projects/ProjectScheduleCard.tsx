import { Card, Table, Tag, type TableColumnsType } from 'antd';
import type { ProjectOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { daysBetween } from '../../lib/format.ts';
import { useSession } from '../../session/useSession.ts';

interface Milestone {
  key: 'start' | 'completion' | 'production';
  planned: string | null;
  actual: string | null;
}

/** Planned against actual start, completion and production dates, with how late each one is. */
export function ProjectScheduleCard({ project }: { project: ProjectOutput }) {
  const t = useT();
  // The application's date (the server's, fixed in a demo) decides what is overdue, not the browser's clock.
  const { today } = useSession();
  const none = t('common.none');
  const milestones: Milestone[] = [
    { key: 'start', planned: project.plannedStartDate, actual: project.actualStartDate },
    { key: 'completion', planned: project.plannedCompletionDate, actual: project.actualCompletionDate },
    { key: 'production', planned: project.plannedProductionDate, actual: project.actualProductionDate },
  ];

  const status = (milestone: Milestone) => {
    if (!milestone.planned) return null;
    if (milestone.actual) {
      const late = daysBetween(milestone.planned, milestone.actual);
      return late > 0 ? (
        <Tag color="orange">{t('detail.late', { days: late })}</Tag>
      ) : (
        <Tag color="green">{t('detail.onTime')}</Tag>
      );
    }
    if (!today) return null;
    const overdue = daysBetween(milestone.planned, today);
    return overdue > 0 ? <Tag color="red">{t('detail.overdue', { days: overdue })}</Tag> : null;
  };

  const columns: TableColumnsType<Milestone> = [
    { title: t('detail.milestone'), key: 'milestone', render: (_, milestone) => t(`detail.${milestone.key}`) },
    { title: t('detail.planned'), key: 'planned', render: (_, milestone) => milestone.planned ?? none },
    { title: t('detail.actual'), key: 'actual', render: (_, milestone) => milestone.actual ?? none },
    { title: '', key: 'status', render: (_, milestone) => status(milestone) },
  ];

  return (
    <Card title={t('detail.schedule')} size="small">
      <Table<Milestone>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={milestones}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
