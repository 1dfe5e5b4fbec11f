import { Table, type TableColumnsType } from 'antd';
import {
  DISTRICT_WARNING_RULE_LABELS,
  WARNING_RULE_IDS,
  WARNING_RULE_LABELS,
  type Threshold,
  type WarningPreset,
} from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import type { MessageId } from '../../i18n/translate.ts';

interface Row {
  key: string;
  label: string;
  unit: string;
  yellow: Threshold;
  red: Threshold;
}

/** A preset's rules with their yellow and red thresholds and what each measures. */
export function PresetThresholdTable({ preset }: { preset: WarningPreset }) {
  const { t, label } = useLocale();
  const threshold = (value: Threshold) => t(`warning.op.${value.op}`, { value: value.value });
  const rows: Row[] = WARNING_RULE_IDS.flatMap((rule) => {
    const config = preset.rules[rule];
    if (!config) return [];
    const unitId = ('basis' in config ? `warning.unit.${rule}.${config.basis}` : `warning.unit.${rule}`) as MessageId;
    const day = 'deadlineDay' in config ? config.deadlineDay : 0;
    return [{ key: rule, label: label(WARNING_RULE_LABELS[rule]), unit: t(unitId, { day }), ...config }];
  });
  const district = preset.districtRules.district_target_missed;
  if (district) {
    rows.push({
      key: 'district_target_missed',
      label: label(DISTRICT_WARNING_RULE_LABELS.district_target_missed),
      unit: t('warning.unit.district_target_missed'),
      ...district,
    });
  }
  const columns: TableColumnsType<Row> = [
    { key: 'rule', title: t('warning.settings.rule'), dataIndex: 'label', width: 150 },
    { key: 'unit', title: t('warning.settings.unit'), dataIndex: 'unit' },
    { key: 'yellow', title: t('warning.settings.yellow'), width: 100, render: (_, row) => threshold(row.yellow) },
    { key: 'red', title: t('warning.settings.red'), width: 100, render: (_, row) => threshold(row.red) },
  ];
  return (
    <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} />
  );
}
