import { useState, type ChangeEvent } from 'react';
import { Alert, Descriptions, Drawer, Flex, Grid, Input, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DRILL_LIMIT, useDrillProjects, type StatsScope } from '../../api/stats.ts';
import type { DrillProjectOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';
import { drillColumns } from './drillColumns.tsx';
import type { DrillRequest } from './drill.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';

interface DrillDrawerProps {
  scope: StatsScope | null;
  request: DrillRequest | null;
  onClose: () => void;
}

/** The projects behind the clicked figure, bar or map point, each linking to its page. */
export function DrillDrawer({ scope, request, onClose }: DrillDrawerProps) {
  const t = useT();
  const compact = Grid.useBreakpoint().md === false;
  const figure = request?.kind === 'figure' ? request : null;
  const query = useDrillProjects(
    figure && scope ? { ...scope, metric: figure.metric, dimension: figure.dimension, key: figure.key } : null,
  );
  const point = request?.kind === 'point' ? request.point : null;
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const items = (query.data?.items ?? []).filter(
    (item) => !needle || item.name.toLowerCase().includes(needle) || item.code.includes(needle),
  );
  const handleFilter = (event: ChangeEvent<HTMLInputElement>) => setFilter(event.target.value);
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
            columns={drillColumns(t, compact)}
            dataSource={items}
            loading={query.isFetching}
            pagination={{ pageSize: 20, simple: compact, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={compact ? undefined : { x: 'max-content' }}
            data-testid="drill-table"
          />
        </>
      )}
    </Drawer>
  );
}
