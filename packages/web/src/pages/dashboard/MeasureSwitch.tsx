import { Segmented } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { BarMeasure } from './BreakdownBars.tsx';

/** Switches a breakdown between project counts and money. */
export function MeasureSwitch({ value, onChange }: { value: BarMeasure; onChange: (value: BarMeasure) => void }) {
  const t = useT();
  return (
    <Segmented<BarMeasure>
      size="small"
      value={value}
      onChange={onChange}
      options={[
        { value: 'count', label: t('dashboard.measure.count') },
        { value: 'money', label: t('dashboard.measure.money') },
      ]}
    />
  );
}
