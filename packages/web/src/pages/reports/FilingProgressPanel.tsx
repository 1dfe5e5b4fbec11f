/** 各区县报送进度: per district of the user's scope, expected / filed / approved / confirmed / missing / late, with reminders. */
import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { FilingProgressRow } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { sendReportReminders, useFilingProgress } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';
import type { PeriodRef } from '../../lib/period.ts';
import { FilingBar } from './FilingBar.tsx';

const TOTAL = 'total';
type Row = FilingProgressRow;

/** The panel on the review desk; `canRemind` shows the reminder buttons (reviewers only). */
export function FilingProgressPanel({
  period,
  canRemind,
  compact,
}: {
  period: PeriodRef;
  canRemind: boolean;
  compact: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const progress = useFilingProgress(period);
  const [busy, setBusy] = useState<string | null>(null);

  const remind = async (regionCode: string | undefined) => {
    setBusy(regionCode ?? TOTAL);
    try {
      const result = await sendReportReminders({ year: period.year, month: period.month, regionCode });
      void message.success(t('desk.remind.done', { ...result }));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const remindButton = (row: Row, all: boolean) =>
    canRemind && row.missing > 0 ? (
      <Popconfirm title={t('desk.remind.ask')} onConfirm={() => void remind(all ? undefined : row.regionCode)}>
        <Button
          size="small"
          icon={<BellOutlined />}
          loading={busy === (all ? TOTAL : row.regionCode)}
          aria-label={all ? t('desk.remind.all') : t('desk.remind.one')}
        >
          {compact ? null : all ? t('desk.remind.all') : t('desk.remind.one')}
        </Button>
      </Popconfirm>
    ) : null;

  const data = progress.data;
  const total: Row | null = data ? { regionCode: TOTAL, regionName: t('desk.progress.total'), ...data.total } : null;
  const number = (key: keyof Omit<Row, 'regionCode' | 'regionName'>, warn = false) => ({
    key,
    title: t(`desk.progress.${key}`),
    align: 'right' as const,
    render: (_: unknown, row: Row) =>
      warn && row[key] > 0 ? <Typography.Text type="danger">{row[key]}</Typography.Text> : row[key],
  });
  const columns: TableColumnsType<Row> = [
    {
      key: 'region',
      title: t('desk.progress.region'),
      className: 'kp-nowrap',
      render: (_, row) => (row.regionCode === TOTAL ? <strong>{row.regionName}</strong> : row.regionName),
    },
    {
      key: 'bar',
      title: t('desk.progress.share'),
      width: compact ? 90 : 160,
      render: (_, row) => <FilingBar counts={row} />,
    },
    ...(compact
      ? [number('missing', data?.deadlinePassed)]
      : [
          number('expected'),
          number('filed'),
          number('approved'),
          number('confirmed'),
          number('missing', data?.deadlinePassed),
          number('late', true),
        ]),
    ...(canRemind
      ? [{ key: 'remind', render: (_: unknown, row: Row) => remindButton(row, row.regionCode === TOTAL) }]
      : []),
  ];

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('desk.progress.title')}
      extra={
        data && (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">
              {t('desk.progress.deadline', { deadline: data.deadline })}
            </Typography.Text>
            {data.deadlinePassed && <Tag color="orange">{t('desk.progress.overdue')}</Tag>}
          </Flex>
        )
      }
      data-testid="filing-progress"
    >
      <Table<Row>
        rowKey="regionCode"
        size="small"
        columns={columns}
        dataSource={data ? [...data.regions, ...(data.regions.length > 1 && total ? [total] : [])] : []}
        loading={progress.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
