/**
 * The ECharts canvas behind <EChart>: the only module that loads ECharts itself, fetched on demand so the
 * dashboard's headline figures paint before the charting library (about 190 KB gzip) has arrived.
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, FunnelChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartProps } from './EChart.tsx';

// Only what the pages draw: bars, lines and scatter on cartesian axes, the attraction funnel, tooltip and legend.
echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** An ECharts chart (canvas, resizing with its container) built from the tree-shaken modules above. */
export default function EChartCanvas({ option, height, onClick }: Omit<EChartProps, 'ariaLabel' | 'testId'>) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height, width: '100%' }}
      onEvents={onClick ? { click: onClick } : {}}
    />
  );
}
