import type { ReactNode } from 'react';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import type { LedgerImportResult } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { ImportErrorsTable } from './ImportErrorsTable.tsx';
import { ImportRowsTable } from './ImportRowsTable.tsx';
import { ImportSummary } from './ImportSummary.tsx';

interface ImportPreviewProps {
  preview: LedgerImportResult;
  /** The column mapping with its corrections (project ledgers), shown above the verdict. */
  mapping?: ReactNode;
  /** True once the commit has started: the preview stays for reference, without its buttons. */
  committing: boolean;
  starting: boolean;
  onConfirm: () => void;
  onReselect: () => void;
}

/** A dry run: the counts, the verdict, the columns left out, the errors and the rows; then 确认导入. */
export function ImportPreview({ preview, mapping, committing, starting, onConfirm, onReselect }: ImportPreviewProps) {
  const t = useT();
  const { modal } = App.useApp();
  const { summary } = preview;
  const writes = summary.create + summary.update;
  const blocked = summary.errors > 0;

  const handleConfirm = () => {
    modal.confirm({
      title: t('ledger.confirmTitle'),
      content: t('ledger.confirmBody', { create: summary.create, update: summary.update }),
      okText: t('ledger.confirm'),
      cancelText: t('common.cancel'),
      onOk: onConfirm,
    });
  };

  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <Typography.Text type="secondary">
        {t('ledger.sheetInfo', { sheet: preview.sheet, row: preview.headerRow })}
      </Typography.Text>
      <ImportSummary summary={summary} />
      {!committing && mapping}
      <Alert
        type={blocked ? 'error' : writes > 0 ? 'success' : 'info'}
        showIcon
        title={
          blocked
            ? t('ledger.previewErrors', { count: summary.errors })
            : writes > 0
              ? t('ledger.previewOk', { create: summary.create, update: summary.update })
              : t('ledger.previewNothing')
        }
        data-testid="import-verdict"
      />
      {!committing && (
        <Flex gap={8} wrap justify="flex-end">
          <Button icon={<ReloadOutlined />} onClick={onReselect}>
            {t('ledger.reselect')}
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={blocked || writes === 0}
            loading={starting}
            onClick={handleConfirm}
          >
            {t('ledger.confirm')}
          </Button>
        </Flex>
      )}
      {/* Once the commit runs, the counts are enough; the details would push the progress off the screen. */}
      {!committing && !mapping && preview.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('ledger.ignoredTitle', { count: preview.ignoredColumns.length })}
          description={
            <ul className="kp-plain-list">
              {preview.ignoredColumns.map((column) => (
                <li key={column.column}>
                  <Typography.Text strong>
                    {column.column} {column.header}
                  </Typography.Text>{' '}
                  {column.message}
                </li>
              ))}
            </ul>
          }
          data-testid="import-ignored"
        />
      )}
      {!committing && preview.truncated && <Alert type="info" showIcon title={t('ledger.truncated')} />}
      {!committing && preview.errors.length > 0 && (
        <section>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('ledger.errorsTitle', { count: summary.errors })}
          </Typography.Title>
          <ImportErrorsTable errors={preview.errors} />
        </section>
      )}
      {!committing && (
        <section>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('ledger.rowsTitle', { count: summary.rows })}
          </Typography.Title>
          <ImportRowsTable rows={preview.rows} errors={preview.errors} />
        </section>
      )}
    </Flex>
  );
}
