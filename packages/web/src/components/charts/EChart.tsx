/**
 * The charts' wrapper and option types. The canvas (ECharts itself) is loaded lazily: a page's own code and data
 * paint first, and each chart keeps its height while the library arrives, so nothing below it jumps.
 */
import { lazy, Suspense } from 'react';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import { useAfterPaint } from '../../lib/useAfterPaint.ts';

const EChartCanvas = lazy(() => import('./EChartCanvas.tsx'));

/** The options the charts of this app may use. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export type ChartClickEvent = ECElementEvent;

export interface EChartProps {
  option: ChartOption;
  height: number;
  /** Called with the clicked bar, point or line symbol. */
  onClick?: (event: ChartClickEvent) => void;
  /** Describes the chart to screen readers. */
  ariaLabel: string;
  testId?: string;
}

/** An ECharts chart, resizing with its container; an empty box of its height until ECharts has loaded. */
export function EChart({ option, height, onClick, ariaLabel, testId }: EChartProps) {
  // ECharts is asked for only once the page around the chart is on screen, so it never delays the figures.
  const mounted = useAfterPaint();
  const placeholder = <div style={{ height }} aria-busy="true" />;
  return (
    <div role="figure" aria-label={ariaLabel} data-testid={testId}>
      {mounted ? (
        <Suspense fallback={placeholder}>
          <EChartCanvas option={option} height={height} onClick={onClick} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}
