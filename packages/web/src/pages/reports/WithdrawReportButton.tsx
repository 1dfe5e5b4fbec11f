/** The owner's "withdraw" of a submitted report nobody has reviewed yet: back to a draft, after a confirmation. */
import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { invalidateReport, withdrawReport } from '../../api/reportHistory.ts';
import type { ReportRef } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';

/** Withdraws the report at `version` (409 when a reviewer decided first: the message says so and the data reloads). */
export function WithdrawReportButton({ reportRef, version }: { reportRef: ReportRef; version: number }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const handleWithdraw = async () => {
    setBusy(true);
    try {
      await withdrawReport(reportRef, version);
      void message.success(t('report.withdrawn'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
      await invalidateReport(queryClient, reportRef);
    }
  };

  return (
    <Popconfirm
      title={t('report.withdrawConfirm')}
      okText={t('report.withdraw')}
      cancelText={t('common.cancel')}
      onConfirm={() => void handleWithdraw()}
    >
      <Button size="small" icon={<RollbackOutlined />} loading={busy} data-testid="report-withdraw">
        {t('report.withdraw')}
      </Button>
    </Popconfirm>
  );
}
