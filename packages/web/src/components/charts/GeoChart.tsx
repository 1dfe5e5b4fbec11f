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
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BoundaryFeature } from '@keyprojects/core';

// The district map's modules, kept out of EChart.tsx so that only the dashboard's map chunk carries them.
echarts.use([
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

interface GeoChartProps {
  option: GeoChartOption;
  height: number;
  onClick?: (event: ECElementEvent) => void;
  ariaLabel: string;
  testId?: string;
}

/** An ECharts map chart (canvas, resizing with its container). */
export function GeoChart({ option, height, onClick, ariaLabel, testId }: GeoChartProps) {
  return (
    <div role="figure" aria-label={ariaLabel} data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: onClick } : {}}
      />
    </div>
  );
}
