import { Button, Typography, type TableColumnsType } from 'antd';
import type { ReportListItem } from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { formatMoney } from '../../lib/format.ts';
import { ReportStateTag } from './ReportStateTag.tsx';

/** The review desk's columns; the name (and the action) open the report in the drawer. */
export function reviewColumns(
  t: Translate,
  compact: boolean,
  onOpen: (item: ReportListItem) => void,
): TableColumnsType<ReportListItem> {
  const wan = t('project.unit.wan');
  const columns: TableColumnsType<ReportListItem> = [
    {
      key: 'name',
      title: t('project.col.name'),
      render: (_, row) => (
        <div style={{ minWidth: 200, maxWidth: 380 }}>
          <Typography.Link onClick={() => onOpen(row)}>{row.projectName}</Typography.Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {compact ? `${row.regionName} · ${row.ownerName}` : `${row.projectCode} · ${row.ownerName}`}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'state', title: t('report.state'), render: (_, row) => <ReportStateTag state={row.state} /> },
    {
      key: 'amount',
      title: `${t('report.thisMonth')}（${wan}）`,
      align: 'right',
      render: (_, row) =>
        row.completedThisMonth === null ? (
          t('common.none')
        ) : (
          <span className="kp-money">{formatMoney(row.completedThisMonth, 'wan')}</span>
        ),
    },
  ];
  if (compact) return columns;
  return [
    ...columns.slice(0, 1),
    { key: 'region', title: t('project.col.region'), dataIndex: 'regionName', className: 'kp-nowrap' },
    ...columns.slice(1),
    {
      key: 'plan',
      title: `${t('report.annualPlan')}（${wan}）`,
      align: 'right',
      render: (_, row) => <span className="kp-money">{formatMoney(row.annualPlan, 'wan')}</span>,
    },
    {
      key: 'submittedAt',
      title: t('report.submittedAt'),
      className: 'kp-nowrap',
      render: (_, row) => (
        <AppTime at={row.submittedAt} effective={row.effectiveAt.submittedAt} none={t('common.none')} />
      ),
    },
    {
      key: 'action',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, row) => (
        <Button size="small" type={row.state === 'submitted' ? 'primary' : 'default'} onClick={() => onOpen(row)}>
          {row.state === 'submitted' ? t('review.review') : t('review.view')}
        </Button>
      ),
    },
  ];
}
