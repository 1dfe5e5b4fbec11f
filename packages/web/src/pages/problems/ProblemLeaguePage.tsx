import { Button, Card, DatePicker, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ProblemLeagueQueryJson, ProblemLeagueRow } from '@keyprojects/core';
import { useSearchParams } from 'react-router';
import { leagueExportUrl, useProblemLeague } from '../../api/problems.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

/** 责任单位排行: each responsible unit's figures for the problems assigned in a period, ranked, exportable. */
export default function ProblemLeaguePage() {
  const { t } = useLocale();
  const { can } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const query: ProblemLeagueQueryJson = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const league = useProblemLeague(query);

  if (!can('league.read')) return <Forbidden />;

  const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const columns: TableColumnsType<ProblemLeagueRow> = [
    { key: 'rank', title: t('league.rank'), dataIndex: 'rank', width: 64 },
    { key: 'unit', title: t('league.unit'), dataIndex: 'unitName' },
    {
      key: 'received',
      title: t('league.received'),
      render: (_, r) => <span data-testid="league-received">{r.received}</span>,
    },
    { key: 'rate', title: t('league.onTimeRate'), render: (_, r) => percent(r.onTimeRate) },
    { key: 'overdue', title: t('league.overdueNow'), dataIndex: 'overdueNow' },
    ...(compact
      ? []
      : [
          {
            key: 'closed',
            title: t('league.closed'),
            render: (_: unknown, r: ProblemLeagueRow) => <span data-testid="league-closed">{r.closed}</span>,
          },
          { key: 'onTime', title: t('league.closedOnTime'), dataIndex: 'closedOnTime' },
          {
            key: 'median',
            title: t('league.median'),
            render: (_: unknown, r: ProblemLeagueRow) => r.medianWorkingDaysToClose ?? '—',
          },
          {
            key: 'grades',
            title: t('league.grades'),
            render: (_: unknown, r: ProblemLeagueRow) =>
              `${r.grades.excellent}/${r.grades.good}/${r.grades.pass}/${r.grades.fail}`,
          },
        ]),
  ];
  const data = league.data;
  return (
    <div className="kp-page">
      <PageHeader
        title={t('league.title')}
        sub={data ? `${t('league.period')} ${data.from} ~ ${data.to}` : undefined}
        extra={
          <>
            <DatePicker.RangePicker
              aria-label={t('league.period')}
              value={data ? [dayjs(data.from), dayjs(data.to)] : null}
              onChange={(range) =>
                setParams(
                  range?.[0] && range[1]
                    ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }
                    : {},
                )
              }
            />
            <Button icon={<FileExcelOutlined />} href={leagueExportUrl(query)}>
              {t('league.export')}
            </Button>
          </>
        }
      />
      <Card size="small">
        {league.isError && <RetryAlert message={league.error.message} onRetry={() => void league.refetch()} />}
        <Table<ProblemLeagueRow>
          rowKey="unitId"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={league.isFetching}
          scroll={{ x: true }}
          pagination={false}
          data-testid="league-table"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('league.hint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
