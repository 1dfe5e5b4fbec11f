import { Alert, Empty, Flex, Grid, Skeleton, Typography } from 'antd';
import { REPORT_STATES } from '@keyprojects/core';
import { useSearchParams } from 'react-router';
import { usePeriods, useReportList } from '../../api/reports.ts';
import type { ReportListState } from '@keyprojects/core';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { periodFromSearch, type PeriodRef } from '../../lib/period.ts';
import { useCurrentPeriod } from '../../lib/useCurrentPeriod.ts';
import { useSession } from '../../session/useSession.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ReportCard } from './ReportCard.tsx';
import { ReportStateTag } from './ReportStateTag.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';

const STATE_ORDER: readonly ReportListState[] = [
  'not_started',
  'returned',
  'draft',
  ...REPORT_STATES.filter((s) => s !== 'draft' && s !== 'returned'),
];

/** 月报填报: the owner's projects of a period (the current one by default) with their report state. */
export default function ReportFilePage() {
  const t = useT();
  const { can } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const { current } = useCurrentPeriod();
  const period = periodFromSearch(searchParams) ?? current;
  const list = useReportList(period ? { year: period.year, month: period.month, pageSize: 200 } : null);
  const periods = usePeriods(period?.year ?? null);
  const info = periods.data?.find((p) => p.month === period?.month);

  if (!can('report.write')) return <Forbidden />;

  const handlePeriod = (next: PeriodRef) =>
    setSearchParams({ year: String(next.year), month: String(next.month) }, { replace: true });
  const counts = list.data?.stateCounts ?? {};

  return (
    <div className="kp-page" style={{ maxWidth: 880 }}>
      <PageHeader
        title={t('report.fileTitle')}
        sub={info ? t('report.periodInfo', { cutoff: info.cutoffDate, deadline: info.deadline }) : undefined}
        extra={
          period && <PeriodPicker value={period} max={current} onChange={handlePeriod} width={compact ? 140 : 160} />
        }
      />
      {info?.locked && <Alert type="info" showIcon title={t('report.periodLocked')} style={{ marginBottom: 12 }} />}
      {list.isError && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="report-counts">
          <Typography.Text type="secondary">{t('report.projectCount', { total: list.data.total })}</Typography.Text>
          {STATE_ORDER.filter((state) => (counts[state] ?? 0) > 0).map((state) => (
            <span key={state} className="kp-nowrap">
              <ReportStateTag state={state} /> {counts[state]}
            </span>
          ))}
        </Flex>
      )}
      {!list.data && !list.isError && <Skeleton active />}
      {list.data?.items.length === 0 && <Empty description={t('report.noProjects')} />}
      <Flex vertical gap={8} data-testid="report-list" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        {period && list.data?.items.map((item) => <ReportCard key={item.projectId} item={item} period={period} />)}
      </Flex>
    </div>
  );
}
