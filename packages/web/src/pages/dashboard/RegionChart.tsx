import { useState } from 'react';
import { Panel } from '../../components/Panel.tsx';
import type { BreakdownRowOutput, StatDimension } from '@keyprojects/core';
import { useRegionLabel } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { BreakdownBars, type BarMeasure } from './BreakdownBars.tsx';
import type { OnDrill } from './drill.ts';
import { MeasureSwitch } from './MeasureSwitch.tsx';

interface RegionChartProps {
  rows: readonly BreakdownRowOutput[];
  regionNames: Record<string, string>;
  /** 'prefecture' when the dashboard compares prefectures (a province-wide view), else 'region'. */
  dimension: StatDimension;
  onDrill: OnDrill;
}

/** The breakdown by district or county. */
export function RegionChart({ rows, regionNames, dimension, onDrill }: RegionChartProps) {
  const t = useT();
  const [measure, setMeasure] = useState<BarMeasure>('count');
  const regionLabel = useRegionLabel();
  // Officials' short names (杜蒙县, 高新区) where bars leave little room; the answer's full name until regions load.
  const labelOf = (key: string) => regionLabel(key, regionNames[key] ?? key);
  return (
    <Panel
      title={t('dashboard.chart.byRegion')}
      extra={<MeasureSwitch value={measure} onChange={setMeasure} />}
      style={{ height: '100%' }}
    >
      <BreakdownBars
        rows={rows}
        labelOf={labelOf}
        measure={measure}
        dimension={dimension}
        onDrill={onDrill}
        ariaLabel={t('dashboard.chart.byRegion')}
        testId="region-chart"
      />
    </Panel>
  );
}
