import { Tag } from 'antd';
import { REPORT_STATE_LABELS } from '@keyprojects/core';
import type { ReportListState } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

const COLORS: Record<ReportListState, string> = {
  not_started: 'default',
  draft: 'gold',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  confirmed: 'green',
  locked: 'purple',
};

/** A report's state as a coloured tag (REPORT_STATE_LABELS). */
export function ReportStateTag({ state }: { state: ReportListState }) {
  const { label } = useLocale();
  return (
    <Tag color={COLORS[state]} style={{ marginInlineEnd: 0 }} data-state={state}>
      {label(REPORT_STATE_LABELS[state])}
    </Tag>
  );
}
