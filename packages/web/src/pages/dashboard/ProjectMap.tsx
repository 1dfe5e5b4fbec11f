import { useState } from 'react';
import { Button, Card, Flex, Grid, Segmented, Switch, Typography } from 'antd';
import { format, type ECElementEvent } from 'echarts/core';
import {
  formatYi,
  mapBoxText,
  parseWan,
  type DashboardOutput,
  type MapPointOutput,
  type MapPointState,
  type WarningLevel,
  type WarningSummary,
} from '@keyprojects/core';
import { useCityBoundary } from '../../api/boundary.ts';
import { useMapPoints, type MapPointsScope } from '../../api/stats.ts';
import { CHART_COLORS, CHART_HEIGHT } from '../../components/charts/chartStyle.ts';
import { GeoChart, registerCityMap, type GeoRoam } from '../../components/charts/GeoChart.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import type { OnDrill } from './drill.ts';
import { districtData, figureValue, MAP_FIGURES, type MapFigure } from './mapFigures.ts';
import { buildMapOption, type MapLayer, type MapView } from './mapOption.ts';

const STATES: readonly MapPointState[] = ['completed', 'started', 'notStarted'];
const STATE_COLOR: Record<MapPointState, string> = {
  completed: CHART_COLORS.completed,
  started: CHART_COLORS.started,
  notStarted: CHART_COLORS.notStarted,
};
type WarningLayer = WarningLevel | 'none';
const LAYERS: readonly WarningLayer[] = ['red', 'yellow', 'none'];
const LAYER_COLOR: Record<WarningLayer, string> = { red: '#cf1322', yellow: '#faad14', none: '#8c8c8c' };
const ADMINS = new Set(['city_admin', 'system_admin']);

interface ProjectMapProps {
  dashboard: DashboardOutput;
  /** The points' request: the dashboard's date and region, and the visible box once the map has been moved. */
  pointsQuery: MapPointsScope;
  /** The visible box after a zoom or pan (the request's `bbox`); undefined: the whole scope. */
  onBoxChange: (bbox: string | undefined) => void;
  /** Today's active warnings in scope; with them the map offers the warning figure and the warning layer. */
  warnings: WarningSummary | undefined;
  onDrill: OnDrill;
}

/**
 * 项目分布: the city's districts coloured by the chosen figure, zones without a boundary as labelled pins, and the
 * projects as dots (by state, or by warning level), fetched for the visible area once the map shows (the largest
 * ones when there are more than a request returns); a district opens its projects, a dot its project.
 */
export default function ProjectMap({ dashboard, pointsQuery, onBoxChange, warnings, onDrill }: ProjectMapProps) {
  const t = useT();
  const { user } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const boundary = useCityBoundary();
  const [figure, setFigure] = useState<MapFigure>('startRate');
  const [warningLayer, setWarningLayer] = useState(false);
  const [view, setView] = useState<MapView | null>(null);
  const figures = MAP_FIGURES.filter((f) => f !== 'warnings' || warnings);
  const shown = figures.includes(figure) ? figure : 'startRate';
  const city = boundary.data;
  // A province-wide account has no city map: nothing to fetch points for.
  const fetched = useMapPoints(city?.city ? pointsQuery : null);
  const points = fetched.data?.items ?? [];
  const levels = new Map(warnings?.projects.map((p) => [p.projectId, p.level] as const));
  const layers: MapLayer[] =
    warningLayer && warnings
      ? LAYERS.map((level) => ({
          name:
            level === 'none'
              ? t('warning.card.none')
              : t(level === 'red' ? 'warning.panel.red' : 'warning.panel.yellow'),
          color: LAYER_COLOR[level],
          points: points.filter((p) => (levels.get(p.id) ?? 'none') === level),
        }))
      : STATES.map((state) => ({
          name: t(`dashboard.map.${state}`),
          color: STATE_COLOR[state],
          points: points.filter((p) => p.state === state),
        }));
  const data = districtData(dashboard.breakdowns.byRegion, warnings?.byRegion);
  const nameOf = (code: string) =>
    city?.regions.find((r) => r.code === code)?.name ?? dashboard.regionNames[code] ?? code;

  const regionTooltip = (code: string): string => {
    const entry = data.get(code);
    const lines = [`<b>${format.encodeHTML(nameOf(code))}</b>`];
    const f = entry?.figures;
    if (f) {
      lines.push(t('map.tip.projects', { count: f.projects }));
      lines.push(t('map.tip.started', { count: f.startedOrResumed, rate: rateText(f.startRate) }));
      lines.push(t('map.tip.completed', { amount: yiText(f.completedYtd), rate: rateText(f.completionRate) }));
    }
    if (entry?.warnings) lines.push(t('map.tip.warnings', entry.warnings));
    lines.push(f ? `<span style="color:#8c8c8c">${t('map.tip.click')}</span>` : t('map.noData'));
    return lines.join('<br/>');
  };
  const pointTooltip = (point: MapPointOutput, layer: string) =>
    `${format.encodeHTML(point.name)}<br/>${format.encodeHTML(layer)} · ${yiText(point.totalInvestment)} ${t('project.unit.yi')}`;

  const mapName = city?.map && city.city ? registerCityMap(city.city.code, city.map.features) : null;
  const built = city
    ? buildMapOption({
        boundary: city,
        mapName,
        data,
        figure: shown,
        layers,
        regions: dashboard.mapRegions,
        view,
        compact,
        text: { figureName: t(`map.figure.${shown}`), noData: t('map.noData'), regionTooltip, pointTooltip },
      })
    : null;

  const handleClick = (event: ECElementEvent) => {
    const role = built?.series[event.seriesIndex ?? -1];
    // The label layer is silent: a click on a name reaches the area under it.
    if (!role || role.kind === 'labels') return;
    if (role.kind === 'dots') {
      const point = role.layer.points[event.dataIndex];
      if (point) onDrill({ kind: 'point', title: point.name, point });
      return;
    }
    const code = role.kind === 'areas' ? event.name : role.markers[event.dataIndex]?.code;
    // A district without projects in scope (another district, for a district user) has nothing to list.
    if (!code || figureValue('projects', data.get(code)) === null) return;
    onDrill({
      kind: 'figure',
      title: `${nameOf(code)} · ${t('dashboard.fig.projects')}`,
      metric: 'all',
      dimension: 'region',
      key: code,
    });
  };

  const handleRoamEnd = (roam: GeoRoam) => {
    setView({ center: roam.center, zoom: roam.zoom });
    onBoxChange(mapBoxText(roam.box));
  };
  const handleResetView = () => {
    setView(null);
    onBoxChange(undefined);
  };

  const unlocated = dashboard.unlocatedProjects;
  const adminNote = city && !city.map && user && ADMINS.has(user.role);
  return (
    <Card
      size="small"
      title={t('dashboard.chart.map')}
      style={{ height: '100%' }}
      extra={
        <Flex gap={8} align="center">
          {view && (
            <Button size="small" type="link" onClick={handleResetView} data-testid="map-reset">
              {t('map.reset')}
            </Button>
          )}
          {warnings && (
            <Switch
              size="small"
              checked={warningLayer}
              onChange={setWarningLayer}
              checkedChildren={t('warning.map.layer')}
              unCheckedChildren={t('warning.map.layer')}
              data-testid="map-warning-layer"
            />
          )}
        </Flex>
      }
    >
      <Flex vertical gap={6}>
        {city?.map && (
          <Segmented<MapFigure>
            size="small"
            value={shown}
            onChange={setFigure}
            aria-label={t('map.figure')}
            options={figures.map((f) => ({ value: f, label: t(`map.figure.${f}`) }))}
            style={{ alignSelf: 'flex-start' }}
            data-testid="map-figure"
          />
        )}
        {built ? (
          <GeoChart
            option={built.option}
            height={compact ? CHART_HEIGHT + 40 : CHART_HEIGHT + 20}
            onClick={handleClick}
            onRoamEnd={city?.map ? handleRoamEnd : undefined}
            ariaLabel={t('dashboard.chart.map')}
            testId="project-map"
          />
        ) : (
          <div style={{ height: CHART_HEIGHT }} data-testid="project-map" />
        )}
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {t('map.legend')}
          {fetched.data?.truncated && (
            <span data-testid="map-largest-shown">{` ${t('map.largestShown', { count: points.length })}`}</span>
          )}
          {unlocated > 0 && ` ${t('map.unlocated', { count: unlocated })}`}
          {adminNote && ` ${t('map.noBoundaryAdmin')}`}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** A rate of the API ("77.26") as the map shows it ("77.3%"); — without one. */
function rateText(rate: string | null): string {
  return rate === null ? '—' : `${Number(rate).toFixed(1)}%`;
}

/** A 万元 amount in 亿元 with one decimal, as the bulletin writes it. */
function yiText(wan: string): string {
  const fen = parseWan(wan);
  return fen === null ? '—' : formatYi(fen, 1);
}
