import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws: bars, lines and scatter on cartesian axes, with tooltip and legend.
echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The options the charts of this app may use. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export type ChartClickEvent = ECElementEvent;

interface EChartProps {
  option: ChartOption;
  height: number;
  /** Called with the clicked bar, point or line symbol. */
  onClick?: (event: ChartClickEvent) => void;
  /** Describes the chart to screen readers. */
  ariaLabel: string;
  testId?: string;
}

/** An ECharts chart (canvas, resizing with its container) built from the tree-shaken modules above. */
export function EChart({ option, height, onClick, ariaLabel, testId }: EChartProps) {
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
