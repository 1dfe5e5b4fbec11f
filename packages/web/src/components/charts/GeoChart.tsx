import { useEffect, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import type { MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import type {
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BoundaryFeature, LngLat, MapBox } from '@keyprojects/core';

// The district map's modules, kept out of EChart.tsx so that only the dashboard's map chunk carries them
// (LabelLayout: the labels' hideOverlap).
echarts.use([
  LabelLayout,
  MapChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

/** The options the district map may use: a geo with a choropleth and scatter layers, or plain axes without one. */
export type GeoChartOption = ComposeOption<
  | MapSeriesOption
  | ScatterSeriesOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** Registers a city's districts with ECharts under the city's code (once; the data never changes in a session). */
export function registerCityMap(cityCode: string, features: readonly BoundaryFeature[]): string {
  const name = `city-${cityCode}`;
  if (!echarts.getMap(name)) {
    echarts.registerMap(name, { type: 'FeatureCollection', features: [...features] });
  }
  return name;
}

/** Where a zoom or pan left the geo: its centre and zoom, and the box of longitudes and latitudes on the canvas. */
export interface GeoRoam {
  center: LngLat;
  zoom: number;
  box: MapBox;
}

/** A roam is reported once the reader has stopped for this long (a wheel or a drag fires many events). */
const ROAM_SETTLED_MS = 350;

interface GeoChartProps {
  option: GeoChartOption;
  height: number;
  onClick?: (event: ECElementEvent) => void;
  /** Called when a zoom or pan of the geo has settled. */
  onRoamEnd?: (roam: GeoRoam) => void;
  ariaLabel: string;
  testId?: string;
}

/** What the chart shows after a roam: the geo's centre and zoom, and the canvas's corners in degrees. */
function roamOf(chart: echarts.ECharts): GeoRoam | null {
  const [geo] = (chart.getOption().geo ?? []) as { center?: number[]; zoom?: number }[];
  const corners = [
    chart.convertFromPixel({ geoIndex: 0 }, [0, 0]) as number[] | undefined,
    chart.convertFromPixel({ geoIndex: 0 }, [chart.getWidth(), chart.getHeight()]) as number[] | undefined,
  ];
  const [[west, north] = [], [east, south] = []] = corners.map((corner) => corner ?? []);
  const [lng, lat] = geo?.center ?? [];
  if ([west, north, east, south, lng, lat].some((v) => v === undefined || !Number.isFinite(v))) return null;
  return {
    center: [lng ?? 0, lat ?? 0],
    zoom: geo?.zoom ?? 1,
    box: {
      minLongitude: Math.min(west ?? 0, east ?? 0),
      minLatitude: Math.min(north ?? 0, south ?? 0),
      maxLongitude: Math.max(west ?? 0, east ?? 0),
      maxLatitude: Math.max(north ?? 0, south ?? 0),
    },
  };
}

/** An ECharts map chart (canvas, resizing with its container), telling when the reader has zoomed or panned it. */
export function GeoChart({ option, height, onClick, onRoamEnd, ariaLabel, testId }: GeoChartProps) {
  const chartRef = useRef<ReactEChartsCore>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The chart binds its event handlers once: the latest callback is read when the roam settles.
  const latestRoamEnd = useRef(onRoamEnd);
  useEffect(() => {
    latestRoamEnd.current = onRoamEnd;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const handleRoam = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const chart = chartRef.current?.getEchartsInstance();
      const roam = chart ? roamOf(chart) : null;
      if (roam) latestRoamEnd.current?.(roam);
    }, ROAM_SETTLED_MS);
  };
  return (
    <div role="figure" aria-label={ariaLabel} data-testid={testId}>
      <ReactEChartsCore
        ref={chartRef}
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={{ ...(onClick ? { click: onClick } : {}), ...(onRoamEnd ? { georoam: handleRoam } : {}) }}
      />
    </div>
  );
}
