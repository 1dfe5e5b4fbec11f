/** The answer of a batch decision: how many reports were decided, and every refused one with its reason. */
import { Alert, Modal, Table, Tag, type TableColumnsType } from 'antd';
import type { ReportBatchItem, ReportBatchResult } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** Refused reports first (what needs attention), then the decided ones. */
const byOutcome = (a: ReportBatchItem, b: ReportBatchItem) =>
  (a.outcome === 'refused' ? 0 : 1) - (b.outcome === 'refused' ? 0 : 1);

export function BatchResultModal({ result, onClose }: { result: ReportBatchResult | null; onClose: () => void }) {
  const t = useT();
  const columns: TableColumnsType<ReportBatchItem> = [
    {
      key: 'project',
      title: t('desk.batch.col.project'),
      render: (_, item) => item.projectName ?? t('desk.batch.hidden', { position: item.position }),
    },
    {
      key: 'outcome',
      title: t('desk.batch.col.outcome'),
      className: 'kp-nowrap',
      render: (_, item) => (
        <Tag color={item.outcome === 'decided' ? 'green' : 'red'}>{t(`desk.batch.outcome.${item.outcome}`)}</Tag>
      ),
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
            scroll={{ x: 'max-content' }}
            data-testid="batch-result"
          />
        </>
      )}
    </Modal>
  );
}
