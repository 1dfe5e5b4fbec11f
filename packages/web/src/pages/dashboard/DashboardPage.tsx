import { lazy, Suspense, useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { Col, Flex, Grid, Row, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useDashboard, useMapPoints, type StatsScope } from '../../api/stats.ts';
import { useWarningSummary } from '../../api/warnings.ts';
import type { StatDimension } from '@keyprojects/core';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Panel } from '../../components/Panel.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/useT.ts';
import { markFirstContent } from '../../lib/firstContent.ts';
import { useAfterPaint, useOnceTrue } from '../../lib/useAfterPaint.ts';
import { useSession } from '../../session/useSession.ts';
import { drillFromSearch, withDrill, type DrillRequest, type FigureDrill } from './drill.ts';
import { dashboardScopeFromSearch } from './dashboardScope.ts';
import { GroupChart } from './GroupChart.tsx';
import { HeadlineCards } from './HeadlineCards.tsx';
import { MonthlyChart } from './MonthlyChart.tsx';
import { RegionChart } from './RegionChart.tsx';
import { UP_COLOR, DOWN_COLOR } from './YoyDelta.tsx';
import type { WarningDrill } from './WarningDrillDrawer.tsx';
import { WarningPanel } from './WarningPanel.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';

// What the first figures do not need has its own chunks, requested once they are painted (useAfterPaint) or
// opened: the map with ECharts' map modules, the filters' date picker and region tree, the drawers' tables.
const ProjectMap = lazy(() => import('./ProjectMap.tsx'));
const DashboardFilters = lazy(() => import('./DashboardFilters.tsx').then((m) => ({ default: m.DashboardFilters })));
const DrillDrawer = lazy(() => import('./DrillDrawer.tsx').then((m) => ({ default: m.DrillDrawer })));
const WarningDrillDrawer = lazy(() =>
  import('./WarningDrillDrawer.tsx').then((m) => ({ default: m.WarningDrillDrawer })),
);

/** The filters' room while their chunk loads, so the header does not jump. */
function FiltersPlaceholder({ compact }: { compact: boolean }) {
  return <div style={{ height: 32, width: compact ? '100%' : 408 }} aria-busy="true" />;
}

/** A replica this far behind (seconds) is worth a word under the figures; below it the delay is noise. */
const REPLICA_LAG_SHOWN = 10;

/** 驾驶舱: the leaders' dashboard as of a date (in the URL), every number opening the projects behind it. */
export default function DashboardPage() {
  const t = useT();
  const { user, can } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  // Without a date in the URL the server answers as of the default one and names it (the boot prefetch's key).
  const fromUrl = dashboardScopeFromSearch(searchParams);
  const dashboard = useDashboard(fromUrl);
  const asOf = fromUrl.asOf ?? dashboard.data?.asOf ?? null;
  const regionCode = fromUrl.regionCode;
  const scope: StatsScope | null = asOf ? { asOf, regionCode } : null;
  // The map's visible box once it has been zoomed or panned (the map fetches its points for it).
  const [mapBox, setMapBox] = useState<string | undefined>();
  const pointsQuery = scope ? { ...scope, bbox: mapBox } : null;
  // What the map fetched: a clicked dot's project is found there (this reads the map's answer, never asks itself).
  const mapPoints = useMapPoints(pointsQuery, false);
  // The open drill list lives in the URL: Back from a project, Forward and a shared link reopen it as it was.
  const drill = drillFromSearch(searchParams, mapPoints.data?.items);
  // Warnings are today's (the stored active ones), whatever date the figures are shown as of.
  const warnings = useWarningSummary(regionCode, can('warning.read'));
  const [warningDrill, setWarningDrill] = useState<WarningDrill | null>(null);
  const painted = useAfterPaint(dashboard.data !== undefined || dashboard.isError);
  // The shell's menus were held back for the figures (lib/firstContent.ts): they may load now.
  useEffect(() => {
    if (painted) markFirstContent();
  }, [painted]);
  const drillMounted = useOnceTrue(drill !== null);
  const warningDrillMounted = useOnceTrue(warningDrill !== null);

  if (!can('stats.read')) return <Forbidden />;

  const mapPlaceholder = (
    <Panel title={t('dashboard.chart.map')} aria-busy="true">
      <Skeleton active />
    </Panel>
  );
  const handleFilters = (patch: { asOf?: string; regionCode?: string | undefined }) => {
    const next = new URLSearchParams(searchParams);
    if (patch.asOf) next.set('asOf', patch.asOf);
    if ('regionCode' in patch) {
      if (patch.regionCode) next.set('regionCode', patch.regionCode);
      else next.delete('regionCode');
    }
    setSearchParams(next);
  };
  const handleOpenDrill = (request: DrillRequest) => setSearchParams(withDrill(searchParams, request));
  // Sorting and paging replace the entry: Back leaves the list rather than stepping through its pages.
  const handleChangeDrill = (request: FigureDrill) =>
    setSearchParams(withDrill(searchParams, request), { replace: true });
  const handleCloseDrill = () => setSearchParams(withDrill(searchParams, null), { replace: true });

  const data = dashboard.data;
  const filters = (narrow: boolean) =>
    painted ? (
      <Suspense fallback={<FiltersPlaceholder compact={narrow} />}>
        <DashboardFilters asOf={asOf} regionCode={regionCode} compact={narrow} onChange={handleFilters} />
      </Suspense>
    ) : (
      <FiltersPlaceholder compact={narrow} />
    );
  // The server compares prefectures in a province-wide view, counties otherwise.
  const regionDimension: StatDimension = (regionCode ?? user?.regionCode ?? '').endsWith('0000')
    ? 'prefecture'
    : 'region';

  return (
    <div className="kp-page">
      <PageHeader
        title={t('dashboard.title')}
        sub={data ? t('dashboard.sub', { asOf: data.asOf, previous: data.previousAsOf }) : undefined}
        extra={!compact && filters(false)}
      />
      {compact && <div style={{ marginBottom: 12 }}>{filters(true)}</div>}
      {dashboard.isError && <RetryAlert message={dashboard.error.message} onRetry={() => void dashboard.refetch()} />}
      {!data ? (
        !dashboard.isError && <PageLoading />
      ) : (
        <Flex vertical gap={12} style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1, transition: 'opacity .2s' }}>
          <HeadlineCards data={data} onDrill={handleOpenDrill} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <MonthlyChart monthly={data.monthly} year={data.year} />
            </Col>
            <Col xs={24} lg={12}>
              <RegionChart
                rows={data.breakdowns.byRegion}
                regionNames={data.regionNames}
                dimension={regionDimension}
                onDrill={handleOpenDrill}
              />
            </Col>
            <Col xs={24} lg={12}>
              <GroupChart breakdowns={data.breakdowns} onDrill={handleOpenDrill} />
            </Col>
            <Col xs={24} lg={12}>
              {painted ? (
                <Suspense fallback={mapPlaceholder}>
                  <ProjectMap
                    dashboard={data}
                    pointsQuery={pointsQuery ?? { asOf: data.asOf, regionCode }}
                    onBoxChange={setMapBox}
                    warnings={warnings.data}
                    onDrill={handleOpenDrill}
                  />
                </Suspense>
              ) : (
                mapPlaceholder
              )}
            </Col>
            {warnings.data && (
              <Col xs={24} lg={12}>
                <WarningPanel summary={warnings.data} regionCode={regionCode} onDrill={setWarningDrill} />
              </Col>
            )}
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.footnote.before')}
            <span style={{ color: UP_COLOR }}>{t('dashboard.footnote.up')}</span>
            {t('dashboard.footnote.middle')}
            <span style={{ color: DOWN_COLOR }}>{t('dashboard.footnote.down')}</span>
            {t('dashboard.footnote.after')}
          </Typography.Text>
          {data.replica && data.replica.lagSeconds > REPLICA_LAG_SHOWN && data.replica.asOf && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.replicaLag', {
                time: dayjs(data.replica.asOf).format('YYYY-MM-DD HH:mm:ss'),
                seconds: Math.round(data.replica.lagSeconds),
              })}
            </Typography.Text>
          )}
        </Flex>
      )}
      <Suspense>
        {drillMounted && (
          <DrillDrawer scope={scope} request={drill} onChange={handleChangeDrill} onClose={handleCloseDrill} />
        )}
        {warningDrillMounted && <WarningDrillDrawer drill={warningDrill} onClose={() => setWarningDrill(null)} />}
      </Suspense>
    </div>
  );
}
