/** The answer of a batch decision: how many reports were decided, and every refused one with its reason. */
import { Alert, Flex, Grid, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReportBatchItem, ReportBatchResult } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** Refused reports first (what needs attention), then the decided ones. */
const byOutcome = (a: ReportBatchItem, b: ReportBatchItem) =>
  (a.outcome === 'refused' ? 0 : 1) - (b.outcome === 'refused' ? 0 : 1);

export function BatchResultModal({ result, onClose }: { result: ReportBatchResult | null; onClose: () => void }) {
  const t = useT();
  // On a phone the three columns do not fit: each report is one cell, its outcome and reason under its name. Neither
  // layout scrolls sideways, so a long reason wraps instead of running out of the dialog.
  const compact = Grid.useBreakpoint().sm === false;
  const project = (item: ReportBatchItem) => item.projectName ?? t('desk.batch.hidden', { position: item.position });
  const outcome = (item: ReportBatchItem) => (
    <Tag color={item.outcome === 'decided' ? 'green' : 'red'}>{t(`desk.batch.outcome.${item.outcome}`)}</Tag>
  );
  const columns: TableColumnsType<ReportBatchItem> = compact
    ? [
        {
          key: 'report',
          title: t('desk.batch.col.project'),
          render: (_, item) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>{project(item)}</Typography.Text>
              <div>
                {outcome(item)}
                {item.reason && <Typography.Text type="secondary">{item.reason}</Typography.Text>}
              </div>
            </Flex>
          ),
        },
      ]
    : [
        { key: 'project', title: t('desk.batch.col.project'), render: (_, item) => project(item) },
        {
          key: 'outcome',
          title: t('desk.batch.col.outcome'),
          className: 'kp-nowrap',
          render: (_, item) => outcome(item),
        },
        { key: 'reason', title: t('desk.batch.col.reason'), render: (_, item) => item.reason ?? '' },
      ];
  return (
    <Modal
      open={result !== null}
      title={t('desk.batch.resultTitle')}
      onCancel={onClose}
      onOk={onClose}
      footer={null}
      width={720}
    >
      {result && (
        <>
          <Alert
            type={result.refused === 0 ? 'success' : 'warning'}
            showIcon
            title={t('desk.batch.summary', { total: result.total, decided: result.decided, refused: result.refused })}
            description={result.refused > 0 ? t('desk.batch.refusedNote') : undefined}
            style={{ marginBottom: 12 }}
            data-testid="batch-summary"
          />
          <Table<ReportBatchItem>
            rowKey="position"
            size="small"
            columns={columns}
            dataSource={[...result.items].sort(byOutcome)}
            pagination={{ pageSize: 10, hideOnSinglePage: true, simple: true }}
            data-testid="batch-result"
          />
        </>
      )}
    </Modal>
  );
}
