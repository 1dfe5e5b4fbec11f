import { Segmented } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { MoneyUnit } from '../../lib/format.ts';

/** Switches investment figures between 万元 and 亿元. */
export function MoneyUnitSwitch({ value, onChange }: { value: MoneyUnit; onChange: (unit: MoneyUnit) => void }) {
  const t = useT();
  return (
    <Segmented<MoneyUnit>
      value={value}
      onChange={onChange}
      options={[
        { value: 'wan', label: t('project.unit.wan') },
        { value: 'yi', label: t('project.unit.yi') },
      ]}
      data-testid="money-unit"
    />
  );
}
