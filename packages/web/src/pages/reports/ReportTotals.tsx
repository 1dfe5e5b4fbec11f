import { Card, Col, Progress, Row, Typography } from 'antd';
import { COUNTED_REPORT_STATES, formatWan, parseWan, percent, type ReportOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';

/**
 * The derived totals: year to date and since start, with the amount being typed in place of the saved one
 * (the server counts a month once it is approved), and the year's completion against the annual plan.
 */
export function ReportTotals({ report, typed }: { report: ReportOutput; typed?: string | undefined }) {
  const t = useT();
  const counted = (COUNTED_REPORT_STATES as readonly string[]).includes(report.state);
  const saved = counted ? (parseWan(report.completedThisMonth) ?? 0n) : 0n;
  const typedFen = typed === undefined ? null : parseWan(typed);
  const thisMonth = typedFen ?? parseWan(report.completedThisMonth) ?? 0n;
  const ytd = (parseWan(report.completedYtd) ?? 0n) - saved + thisMonth;
  const sinceStart = (parseWan(report.completedSinceStart) ?? 0n) - saved + thisMonth;
  const plan = report.annualPlan === null ? null : parseWan(report.annualPlan);
  const rate = plan ? percent(ytd, plan, 1) : null;
  const wan = t('project.unit.wan');

  const cell = (label: string, fen: bigint | null, testId: string) => (
    <Col xs={12} sm={6}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div className="kp-money" style={{ fontSize: 17, fontWeight: 600 }} data-testid={testId}>
        {fen === null ? t('common.none') : formatMoney(formatWan(fen), 'wan')}
        <span style={{ fontSize: 12, fontWeight: 400, marginLeft: 3 }}>{fen === null ? '' : wan}</span>
      </div>
    </Col>
  );

  return (
    <Card size="small" title={t('report.totals')} data-testid="report-totals">
      <Row gutter={[12, 8]}>
        {cell(t('report.thisMonth'), thisMonth, 'total-month')}
        {cell(t('report.ytd'), ytd, 'total-ytd')}
        {cell(t('report.sinceStart'), sinceStart, 'total-since-start')}
        {cell(t('report.annualPlan'), plan, 'total-plan')}
      </Row>
      {rate !== null && (
        <Progress
          percent={Math.max(0, Math.min(100, Number(rate)))}
          format={() => `${rate}%`}
          size="small"
          style={{ marginTop: 8, marginBottom: 0 }}
          aria-label={t('report.completionRate')}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('report.totalsHint')}
      </Typography.Text>
    </Card>
  );
}
