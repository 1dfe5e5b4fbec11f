/**
 * The filed reports of a year, one row per month: state, amount, progress, dates; opened, the return reason,
 * corrections and photos (deletable while the report is open to change) and the owner's withdraw button.
 */
import { App, Collapse, Descriptions, Empty, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ReportHistoryItem, ReportPhoto } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { deleteReportPhoto, invalidateReport } from '../../api/reportHistory.ts';
import type { ReportRef } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { formatMoney } from '../../lib/format.ts';
import { CorrectionHistory } from '../reports/CorrectionHistory.tsx';
import { PhotoThumbnails } from '../reports/PhotoThumbnails.tsx';
import { ReportStateTag } from '../reports/ReportStateTag.tsx';
import { WithdrawReportButton } from '../reports/WithdrawReportButton.tsx';

interface ReportHistoryListProps {
  projectId: number;
  year: number;
  reports: readonly ReportHistoryItem[];
  compact: boolean;
}

/** The reports of a year, newest first. */
export function ReportHistoryList({ projectId, year, reports, compact }: ReportHistoryListProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  if (reports.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  const refOf = (report: ReportHistoryItem): ReportRef => ({ projectId, year, month: report.month });
  const handleDelete = (report: ReportHistoryItem) => async (photo: ReportPhoto) => {
    try {
      await deleteReportPhoto(refOf(report), photo.id);
      void message.success(t('report.photoDeleted'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await invalidateReport(queryClient, refOf(report));
  };

  const header = (report: ReportHistoryItem) => (
    <Flex wrap align="center" gap={compact ? 6 : 12} style={{ rowGap: 2 }}>
      <Typography.Text strong style={{ minWidth: 36 }}>
        {t('history.month', { month: report.month })}
      </Typography.Text>
      <ReportStateTag state={report.state} />
      <span className="kp-nowrap">
        {t('history.thisMonth')}{' '}
        <Typography.Text strong>{formatMoney(report.completedThisMonth, 'wan')}</Typography.Text> 万元
      </span>
      {report.photos.length > 0 && (
        <Typography.Text type="secondary">{t('history.photoCount', { count: report.photos.length })}</Typography.Text>
      )}
      {report.corrections.length > 0 && (
        <Typography.Text type="warning">
          {t('history.correctionCount', { count: report.corrections.length })}
        </Typography.Text>
      )}
    </Flex>
  );

  const body = (report: ReportHistoryItem) => (
    <Flex vertical gap={10}>
      <Descriptions size="small" column={compact ? 1 : 3}>
        <Descriptions.Item label={t('history.progress')} span={compact ? 1 : 3}>
          {[report.progressText, report.progressPercent === null ? null : `${report.progressPercent}%`]
            .filter(Boolean)
            .join(' · ') || t('common.none')}
        </Descriptions.Item>
        {report.submittedAt && (
          <Descriptions.Item label={t('history.submittedAt')}>
            <AppTime at={report.submittedAt} effective={report.effectiveAt.submittedAt} />
          </Descriptions.Item>
        )}
        {report.reviewedAt && (
          <Descriptions.Item label={t('history.reviewedAt')}>
            <AppTime at={report.reviewedAt} effective={report.effectiveAt.reviewedAt} />
          </Descriptions.Item>
        )}
        {report.confirmedAt && (
          <Descriptions.Item label={t('history.confirmedAt')}>
            <AppTime at={report.confirmedAt} effective={report.effectiveAt.confirmedAt} />
          </Descriptions.Item>
        )}
        {report.returnReason && report.state === 'returned' && (
          <Descriptions.Item label={t('history.returnReason')} span={compact ? 1 : 3}>
            <Typography.Text type="danger">{report.returnReason}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {report.photos.length > 0 && (
        <PhotoThumbnails
          photos={report.photos}
          size={72}
          onDelete={report.canDeletePhotos ? handleDelete(report) : undefined}
        />
      )}
      {report.corrections.length > 0 && <CorrectionHistory corrections={report.corrections} />}
      <Flex gap={8} wrap>
        <Link to={`/reports/${projectId}/${year}/${report.month}`}>{t('history.open')}</Link>
        {report.canWithdraw && <WithdrawReportButton reportRef={refOf(report)} version={report.version} />}
      </Flex>
    </Flex>
  );

  const newestFirst = [...reports].sort((a, b) => b.month - a.month);
  return (
    <Collapse
      size="small"
      defaultActiveKey={newestFirst.slice(0, 1).map((r) => String(r.month))}
      items={newestFirst.map((report) => ({
        key: String(report.month),
        label: header(report),
        children: body(report),
      }))}
      data-testid="history-list"
    />
  );
}
