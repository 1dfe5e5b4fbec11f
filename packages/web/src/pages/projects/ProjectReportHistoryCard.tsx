/**
 * A project's monthly-report history: the year's cumulative completion against the annual plan's pace, the list of
 * reports with their states, figures, corrections and photos, and the year's photo gallery.
 */
import { useState } from 'react';
import { Card, Flex, Grid, Select, Typography } from 'antd';
import type { ReportHistoryOutput, ReportPhoto } from '@keyprojects/core';
import { useReportHistory } from '../../api/reportHistory.ts';
import { useT } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';
import { useSession } from '../../session/useSession.ts';
import { PhotoThumbnails } from '../reports/PhotoThumbnails.tsx';
import { ReportHistoryChart } from './ReportHistoryChart.tsx';
import { ReportHistoryList } from './ReportHistoryList.tsx';

/** The figures under the title: the plan, the counted completion and the pace through the last month begun. */
function HistorySummary({ history }: { history: ReportHistoryOutput }) {
  const t = useT();
  const last = history.curve[Math.max(0, history.throughMonth - 1)];
  if (history.annualPlan === null || !last)
    return <Typography.Text type="secondary">{t('history.noPlan')}</Typography.Text>;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {t('history.summary', {
        plan: formatMoney(history.annualPlan, 'wan'),
        month: history.throughMonth,
        actual: formatMoney(last.actualCumulative ?? '0', 'wan'),
        pace: formatMoney(last.planCumulative ?? '0', 'wan'),
      })}
    </Typography.Text>
  );
}

/** The history card of the project page (shown to those who may read reports). */
export function ProjectReportHistoryCard({ projectId }: { projectId: number }) {
  const t = useT();
  const { can, today } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const thisYear = today ? Number(today.slice(0, 4)) : undefined;
  const [year, setYear] = useState<number | undefined>(undefined);
  const history = useReportHistory(projectId, year);
  if (!can('report.read')) return null;
  const data = history.data;
  const shownYear = data?.year ?? year ?? thisYear;
  const years = thisYear ? [thisYear, thisYear - 1, thisYear - 2] : [];
  const photos = data?.reports.flatMap((r) => r.photos.map((p) => ({ ...p, month: r.month }))) ?? [];
  const monthOf = new Map(photos.map((p) => [p.id, p.month]));
  const caption = (photo: ReportPhoto) =>
    t('history.photoOf', { month: monthOf.get(photo.id) ?? '', name: photo.fileName });

  return (
    <Card
      size="small"
      loading={history.isLoading}
      title={t('history.title', { year: shownYear ?? '' })}
      extra={
        years.length > 0 && (
          <Select
            size="small"
            aria-label={t('history.year')}
            value={shownYear}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 84 }}
          />
        )
      }
      data-testid="project-report-history"
    >
      {data && (
        <Flex vertical gap={12}>
          <HistorySummary history={data} />
          <ReportHistoryChart history={data} compact={compact} />
          <ReportHistoryList projectId={projectId} year={data.year} reports={data.reports} compact={compact} />
          <div data-testid="history-gallery">
            <Typography.Text strong>{t('history.gallery', { count: photos.length })}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
              {photos.length > 0 ? t('history.galleryNote') : t('history.galleryEmpty')}
            </Typography.Text>
            {photos.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <PhotoThumbnails photos={photos} captionOf={caption} size={compact ? 96 : 112} />
              </div>
            )}
          </div>
        </Flex>
      )}
    </Card>
  );
}
