import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { Link } from 'react-router';
import type { DrillOrder, DrillProjectOutput, DrillSort } from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';
import { formatMoney } from '../../lib/format.ts';

const money = (value: string) => <span className="kp-money">{formatMoney(value, 'wan')}</span>;

type Column = TableColumnsType<DrillProjectOutput>[number];

/** A column sorted by the server: its header shows the list's order when it is the one sorted by. */
function sortable(column: Column & { key: DrillSort }, order: DrillOrder): Column {
  return {
    ...column,
    sorter: true,
    sortDirections: column.key === 'name' ? ['ascend', 'descend'] : ['descend', 'ascend'],
    sortOrder: order.sort === column.key ? (order.order === 'asc' ? 'ascend' : 'descend') : null,
  };
}

/**
 * The drill-down table's columns (the name cell carries the region and code), each sortable by the server in
 * `order`; on a phone the amounts stack (its order is picked above the table).
 */
export function drillColumns(t: Translate, compact: boolean, order: DrillOrder): TableColumnsType<DrillProjectOutput> {
  const wan = t('project.unit.wan');
  const name: Column = {
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
    sortable({ ...name, key: 'name' }, order),
    sortable(
      {
        key: 'totalInvestment',
        title: `${t('detail.totalInvestment')}（${wan}）`,
        align: 'right',
        render: (_, row) => money(row.totalInvestment),
      },
      order,
    ),
    sortable(
      {
        key: 'annualPlan',
        title: `${t('dashboard.chart.annualPlan')}（${wan}）`,
        align: 'right',
        render: (_, row) => money(row.annualPlan),
      },
      order,
    ),
    sortable(
      {
        key: 'completedYtd',
        title: `${t('dashboard.drill.completedYtd')}（${wan}）`,
        align: 'right',
        render: (_, row) => money(row.completedYtd),
      },
      order,
    ),
    sortable(
      {
        key: 'startedOn',
        title: t('dashboard.drill.startedOn'),
        className: 'kp-nowrap',
        render: (_, row) => row.startedOn ?? t('common.none'),
      },
      order,
    ),
  ];
}
