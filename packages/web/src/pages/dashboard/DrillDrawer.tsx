import { useState, type ChangeEvent } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { DRILL_LIMIT, drillQueryParams, useDrillProjects, type StatsScope } from '../../api/stats.ts';
import { DRILL_SORTS, drillOrder, type DrillProjectOutput, type DrillSort } from '@keyprojects/core';
import { ExportButton } from '../../components/ExportButton.tsx';
import { useT } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';
import { drillColumns } from './drillColumns.tsx';
import type { DrillRequest, FigureDrill } from './drill.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';

interface DrillDrawerProps {
  scope: StatsScope | null;
  request: DrillRequest | null;
  /** The list's order or page changed (kept in the URL). */
  onChange: (request: FigureDrill) => void;
  onClose: () => void;
}

const PAGE_SIZE = 20;

/** The projects behind the clicked figure, bar or map point, each linking to its page. */
export function DrillDrawer({ scope, request, onChange, onClose }: DrillDrawerProps) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  const figure = request?.kind === 'figure' ? request : null;
  const order = drillOrder(figure?.metric ?? 'all', {
    measure: figure?.measure,
    sort: figure?.sort,
    order: figure?.order,
  });
  const drillScope =
    figure && scope
      ? { ...scope, metric: figure.metric, dimension: figure.dimension, key: figure.key, ...order }
      : null;
  const query = useDrillProjects(drillScope);
  const point = request?.kind === 'point' ? request.point : null;
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const items = (query.data?.items ?? []).filter(
    (item) => !needle || item.name.toLowerCase().includes(needle) || item.code.includes(needle),
  );
  const page = figure?.page ?? 1;
  const handleFilter = (event: ChangeEvent<HTMLInputElement>) => {
    setFilter(event.target.value);
    if (figure && page !== 1) onChange({ ...figure, page: 1 });
  };
  const handleTableChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<DrillProjectOutput> | SorterResult<DrillProjectOutput>[],
    extra: { action: string },
  ) => {
    if (!figure) return;
    if (extra.action === 'paginate') {
      onChange({ ...figure, page: pagination.current ?? 1 });
      return;
    }
    const picked = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = DRILL_SORTS.find((key) => key === picked?.columnKey);
    // A third click clears the column's order: back to the figure's own.
    const { sort: _sort, order: _order, page: _page, ...rest } = figure;
    onChange(sort && picked?.order ? { ...rest, sort, order: picked.order === 'ascend' ? 'asc' : 'desc' } : rest);
  };
  const handleSortColumn = (sort: DrillSort) => {
    if (figure) onChange({ ...figure, sort, order: drillOrder(figure.metric, { sort }).order, page: 1 });
  };
  const handleFlipOrder = () => {
    if (figure) onChange({ ...figure, sort: order.sort, order: order.order === 'asc' ? 'desc' : 'asc', page: 1 });
  };
  const handleAfterOpenChange = (open: boolean) => {
    if (!open) setFilter('');
  };

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      title={request?.title}
      size={compact ? '100%' : 880}
      destroyOnHidden
      styles={compact ? { body: { padding: 12 } } : undefined}
      afterOpenChange={handleAfterOpenChange}
      data-testid="drill-drawer"
    >
      {point && (
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            {
              key: 'name',
              label: t('project.col.name'),
              children: <Link to={`/projects/${point.id}`}>{point.name}</Link>,
            },
            {
              key: 'total',
              label: t('detail.totalInvestment'),
              children: `${formatMoney(point.totalInvestment, 'wan')} ${t('project.unit.wan')}`,
            },
            { key: 'state', label: t('dashboard.map.state'), children: <Tag>{t(`dashboard.map.${point.state}`)}</Tag> },
            {
              key: 'where',
              label: t('dashboard.map.where'),
              children: `${point.longitude.toFixed(4)}, ${point.latitude.toFixed(4)}`,
            },
          ]}
        />
      )}
      {figure && (
        <>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary" data-testid="drill-total">
              {query.data
                ? t('dashboard.drill.total', { total: query.data.total, asOf: scope?.asOf ?? '' })
                : t('common.loading')}
            </Typography.Text>
            <Flex gap={8} wrap style={{ width: compact ? '100%' : undefined }}>
              {compact && (
                <Flex gap={4} style={{ flex: 1 }}>
                  <Select<DrillSort>
                    size="middle"
                    value={order.sort}
                    onChange={handleSortColumn}
                    aria-label={t('dashboard.drill.sortBy')}
                    style={{ flex: 1 }}
                    options={DRILL_SORTS.map((key) => ({ value: key, label: t(`dashboard.drill.sort.${key}`) }))}
                    data-testid="drill-sort"
                  />
                  <Button
                    icon={order.order === 'asc' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
                    onClick={handleFlipOrder}
                    aria-label={t(order.order === 'asc' ? 'dashboard.drill.ascending' : 'dashboard.drill.descending')}
                  />
                </Flex>
              )}
              {drillScope && <ExportButton name="drill-projects" query={{ ...drillQueryParams(drillScope) }} />}
            </Flex>
            <Input
              allowClear
              value={filter}
              onChange={handleFilter}
              placeholder={t('dashboard.drill.filter')}
              aria-label={t('dashboard.drill.filter')}
              style={{ width: compact ? '100%' : 260 }}
            />
          </Flex>
          {query.data && query.data.total > DRILL_LIMIT && (
            <Alert
              type="info"
              showIcon
              title={t('dashboard.drill.limited', { limit: DRILL_LIMIT })}
              style={{ marginBottom: 12 }}
            />
          )}
          {query.isError && <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />}
          <Table<DrillProjectOutput>
            rowKey="id"
            size="small"
            columns={drillColumns(t, compact, order)}
            dataSource={items}
            loading={query.isFetching}
            onChange={handleTableChange}
            showSorterTooltip={false}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              simple: compact,
              showSizeChanger: false,
              hideOnSinglePage: true,
            }}
            scroll={compact ? undefined : { x: 'max-content' }}
            data-testid="drill-table"
          />
        </>
      )}
    </Drawer>
  );
}
