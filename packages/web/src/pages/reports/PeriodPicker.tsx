import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocale } from '../../i18n/useT.ts';
import { isAfter, type PeriodRef } from '../../lib/period.ts';

interface PeriodPickerProps {
  value: PeriodRef;
  /** The latest period one may pick (the current one); later months are disabled. */
  max: PeriodRef | null;
  onChange: (period: PeriodRef) => void;
  width?: number | string;
}

/** Picks a reporting period (a month). */
export function PeriodPicker({ value, max, onChange, width = 150 }: PeriodPickerProps) {
  const { t, locale } = useLocale();
  const handleChange = (date: Dayjs | null) => {
    if (date) onChange({ year: date.year(), month: date.month() + 1 });
  };
  const disabledDate = (date: Dayjs) => max !== null && isAfter(date.year(), date.month() + 1, max);
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(new Date(value.year, value.month - 1, 1))}
      onChange={handleChange}
      disabledDate={disabledDate}
      format={locale === 'zh' ? 'YYYY年M月' : 'YYYY-MM'}
      aria-label={t('report.period')}
      style={{ width }}
      data-testid="period-picker"
    />
  );
}
