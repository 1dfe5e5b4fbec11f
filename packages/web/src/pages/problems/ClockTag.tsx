import { Tag } from 'antd';
import type { ProblemListItem } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

/** A problem's clock as one tag: 剩余N个工作日 / 今日到期 / 已逾期N个工作日 / 已完成, or 待交办. */
export function ClockTag({
  item,
}: {
  item: Pick<ProblemListItem, 'clockState' | 'workingDaysLeft' | 'workingDaysOverdue' | 'assignedOn'>;
}) {
  const { t } = useLocale();
  if (item.assignedOn === null) return <Tag>{t('problem.notAssigned')}</Tag>;
  switch (item.clockState) {
    case 'overdue':
      return <Tag color="red">{t('problem.daysOverdue', { n: item.workingDaysOverdue })}</Tag>;
    case 'due_today':
      return <Tag color="orange">{t('problem.dueToday')}</Tag>;
    case 'on_time':
      return <Tag color="blue">{t('problem.daysLeft', { n: item.workingDaysLeft ?? 0 })}</Tag>;
    case 'done':
    case 'done_late':
      return <Tag color="green">{t('problem.done')}</Tag>;
    case null:
      return null;
  }
}
