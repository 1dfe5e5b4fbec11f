import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { ReserveProjectItem } from '@keyprojects/core';
import { useReserveProjects } from '../../api/reserve.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useT } from '../../i18n/useT.ts';

interface ReserveProjectsCardProps {
  asOf: string | undefined;
  regionCode: string | undefined;
  step: string;
  title: string;
}

/** One step's reserve projects (drill-down), sortable by each column. */
export function ReserveProjectsCard({ asOf, regionCode, step, title }: ReserveProjectsCardProps) {
  const t = useT();
  const list = useReserveProjects({ asOf, regionCode, step, page: 1, pageSize: 500 });
  const columns: ColumnsType<ReserveProjectItem> = [
    {
      title: t('reserve.col.project'),
      key: 'name',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, p) => (
        <Link to={`/projects/${p.id}`}>
          {p.name}
          <div>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
          </div>
        </Link>
      ),
    },
    {
      title: t('reserve.col.region'),
      dataIndex: 'regionName',
      responsive: ['md'],
      sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
    },
    { title: t('reserve.col.step'), dataIndex: 'stepLabel', responsive: ['md'] },
    { title: t('reserve.col.since'), dataIndex: 'since', sorter: (a, b) => a.since.localeCompare(b.since) },
    {
      title: t('reserve.col.investment'),
      dataIndex: 'totalInvestment',
      align: 'right',
      sorter: (a, b) => Number(a.totalInvestment) - Number(b.totalInvestment),
      render: (value: string) => <MoneyText value={value} />,
    },
  ];
  return (
    <Card size="small" title={t('reserve.drillTitle', { step: title, total: list.data?.total ?? 0 })}>
      <Table<ReserveProjectItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="reserve-projects"
      />
    </Card>
  );
}
