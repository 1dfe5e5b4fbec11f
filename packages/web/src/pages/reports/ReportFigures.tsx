import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReportOutput } from '@keyprojects/core';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { formatMoney } from '../../lib/format.ts';

/** A filed report's figures, read-only (the review drawer, and reports the user may not change). */
export function ReportFigures({ report, compact }: { report: ReportOutput; compact: boolean }) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const none = t('common.none');
  const count = (value: number | null) => (value === null ? none : String(value));
  const items: DescriptionsProps['items'] = [
    {
      key: 'amount',
      label: t('report.field.completedThisMonth'),
      children: (
        <span className="kp-money" data-testid="figure-amount">
          {formatMoney(report.completedThisMonth, 'wan')} {t('project.unit.wan')}
        </span>
      ),
    },
    {
      key: 'started',
      label: t('report.field.started'),
      children: report.started ? `${t('common.yes')}（${report.startedOn ?? none}）` : t('common.no'),
    },
    {
      key: 'progress',
      label: t('report.field.progress'),
      span: compact ? 1 : 2,
      children:
        [report.progressText, report.progressPercent === null ? null : `${report.progressPercent}%`]
          .filter(Boolean)
          .join(' · ') || none,
    },
    { key: 'workers', label: t('report.field.workers'), children: count(report.workers) },
    { key: 'machines', label: t('report.field.machines'), children: count(report.machines) },
    {
      key: 'stage',
      label: t('report.field.stage'),
      children: codeLabel(codelists.stages, report.stage, locale) || none,
    },
    ...(['submittedAt', 'reviewedAt', 'confirmedAt'] as const).map((key) => ({
      key,
      label: t(`report.${key}`),
      children: <AppTime at={report[key]} effective={report.effectiveAt[key]} none={none} />,
    })),
  ];
  return <Descriptions size="small" bordered column={compact ? 1 : 2} items={items} data-testid="report-figures" />;
}
