import { useState, type ChangeEvent } from 'react';
import { App, Button, Flex, Input, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { reportTransition, type ReportOutput, type ReviewInput } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { reportKeys, reviewReport, type ReportRef } from '../../api/reports.ts';
import { statsKeys } from '../../api/stats.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

type Decision = ReviewInput['decision'];

/** 审核通过 / 退回 (with a reason) / 市级确认, as the user's role and the report's state allow. */
export function ReviewActions({ report, onDone }: { report: ReportOutput; onDone: () => void }) {
  const t = useT();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<Decision | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const ref: ReportRef = { projectId: report.projectId, year: report.year, month: report.month };
  const current = report.state === 'not_started' ? null : report.state;
  const allowed = (decision: Decision) =>
    user !== null && user !== undefined && !report.periodLocked && reportTransition(current, decision, user.role).ok;

  const decide = async (decision: Decision) => {
    setBusy(decision);
    try {
      const body: ReviewInput = decision === 'return' ? { decision, reason: reason.trim() } : { decision };
      const saved = await reviewReport(ref, body);
      queryClient.setQueryData(reportKeys.detail(ref), saved);
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: statsKeys.all });
      void message.success(t(`review.done.${decision}`));
      onDone();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const handleDecide = (decision: Decision) => () => void decide(decision);
  const handleReason = (event: ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value);
  const handleStartReturn = () => setReturning(true);
  const handleCancelReturn = () => setReturning(false);

  if (returning) {
    return (
      <Flex vertical gap={8}>
        <Input.TextArea
          autoFocus
          value={reason}
          onChange={handleReason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('review.reasonPlaceholder')}
          aria-label={t('review.reason')}
        />
        <Flex justify="flex-end" gap={8}>
          <Button onClick={handleCancelReturn}>{t('common.cancel')}</Button>
          <Button
            danger
            type="primary"
            disabled={reason.trim().length === 0}
            loading={busy === 'return'}
            onClick={handleDecide('return')}
          >
            {t('review.confirmReturn')}
          </Button>
        </Flex>
      </Flex>
    );
  }

  const actionable = allowed('approve') || allowed('return') || allowed('confirm');
  return (
    <Flex justify="flex-end" align="center" gap={8} wrap>
      {!actionable && <Typography.Text type="secondary">{t('review.nothingToDo')}</Typography.Text>}
      {allowed('return') && (
        <Button danger icon={<RollbackOutlined />} onClick={handleStartReturn} disabled={busy !== null}>
          {t('review.return')}
        </Button>
      )}
      {allowed('approve') && (
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'} onClick={handleDecide('approve')}>
          {t('review.approve')}
        </Button>
      )}
      {allowed('confirm') && (
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={busy === 'confirm'}
          onClick={handleDecide('confirm')}
        >
          {t('review.confirm')}
        </Button>
      )}
    </Flex>
  );
}
