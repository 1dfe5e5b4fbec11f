import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { DrillProjectOutput } from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';
import { formatMoney } from '../../lib/format.ts';

const money = (value: string) => <span className="kp-money">{formatMoney(value, 'wan')}</span>;

/** The drill-down table's columns (the name cell carries the region and code); on a phone the amounts stack. */
export function drillColumns(t: Translate, compact: boolean): TableColumnsType<DrillProjectOutput> {
  const wan = t('project.unit.wan');
  const name: TableColumnsType<DrillProjectOutput>[number] = {
    key: 'name',
    title: t('project.col.name'),
    render: (_, row) => (
      <div style={{ minWidth: compact ? 0 : 220, maxWidth: 320 }}>
        <Link to={`/projects/${row.id}`}>{row.name}</Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {compact ? row.regionName : `${row.regionName} · ${row.code}`}
          </Typography.Text>
        </div>
      </div>
    ),
  };
  if (compact) {
    return [
      name,
      {
        key: 'amounts',
        title: `${t('dashboard.drill.completedYtd')} / ${t('detail.totalInvestment')}（${wan}）`,
        align: 'right',
        render: (_, row) => (
          <div>
            {money(row.completedYtd)}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {money(row.totalInvestment)}
              </Typography.Text>
            </div>
          </div>
        ),
      },
    ];
  }
  return [
    name,
    {
      key: 'total',
      title: `${t('detail.totalInvestment')}（${wan}）`,
      align: 'right',
      render: (_, row) => money(row.totalInvestment),
    },
    {
      key: 'plan',
      title: `${t('dashboard.chart.annualPlan')}（${wan}）`,
      align: 'right',
      render: (_, row) => money(row.annualPlan),
    },
    {
      key: 'completed',
      title: `${t('dashboard.drill.completedYtd')}（${wan}）`,
      align: 'right',
      render: (_, row) => money(row.completedYtd),
    },
    {
      key: 'startedOn',
      title: t('dashboard.drill.startedOn'),
      className: 'kp-nowrap',
      render: (_, row) => row.startedOn ?? t('common.none'),
    },
  ];
}
