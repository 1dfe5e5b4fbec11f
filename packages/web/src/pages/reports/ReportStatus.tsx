import { Alert, Card, Flex, Typography } from 'antd';
import type { ReportOutput } from '@keyprojects/core';
import type { ReportingPeriod } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import type { EditMode } from './reportForm.ts';
import { ReportStateTag } from './ReportStateTag.tsx';

/** The report's state, its period's dates, and why it was returned or why it cannot be changed. */
export function ReportStatus({
  report,
  period,
  mode,
}: {
  report: ReportOutput;
  period: ReportingPeriod | undefined;
  /** How the user meets the report; 'review' on the review desk. */
  mode: EditMode | 'review';
}) {
  const t = useT();
  const readOnlyReason =
    mode !== 'readOnly'
      ? null
      : report.periodLocked
        ? t('report.lockedReadOnly')
        : report.state === 'submitted'
          ? t('report.submittedReadOnly')
          : report.state === 'approved' || report.state === 'confirmed'
            ? t('report.reviewedReadOnly')
            : t('report.noWriteRight');
  return (
    <Card size="small" data-testid="report-status">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('report.state')}</Typography.Text>
          <ReportStateTag state={report.state} />
        </Flex>
        {period && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('report.periodInfo', { cutoff: period.cutoffDate, deadline: period.deadline })}
          </Typography.Text>
        )}
      </Flex>
      {report.state === 'returned' && report.returnReason && (
        <Alert
          type="error"
          showIcon
          title={t('report.returnedTitle')}
          description={report.returnReason}
          style={{ marginTop: 10 }}
          data-testid="return-reason"
        />
      )}
      {mode === 'correct' && (
        <Alert type="warning" showIcon title={t('report.lockedCorrect')} style={{ marginTop: 10 }} />
      )}
      {readOnlyReason && <Alert type="info" showIcon title={readOnlyReason} style={{ marginTop: 10 }} />}
      {mode === 'review' && report.periodLocked && (
        <Alert type="info" showIcon title={t('review.locked')} style={{ marginTop: 10 }} />
      )}
    </Card>
  );
}
