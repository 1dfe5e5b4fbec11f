import { Table, type TableColumnsType } from 'antd';
import type { LedgerRowIssue } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** An import's errors, one per row and column, in the order of the file. */
export function ImportErrorsTable({ errors }: { errors: readonly LedgerRowIssue[] }) {
  const t = useT();
  const columns: TableColumnsType<LedgerRowIssue> = [
    { title: t('ledger.col.row'), dataIndex: 'row', key: 'row', width: 64 },
    { title: t('ledger.col.column'), dataIndex: 'column', key: 'column', width: 64, render: dash },
    { title: t('ledger.col.header'), dataIndex: 'header', key: 'header', width: 180, render: dash },
    { title: t('ledger.col.reason'), dataIndex: 'message', key: 'message' },
  ];
  return (
    <Table<LedgerRowIssue>
      rowKey={(issue) => `${issue.row}:${issue.column ?? ''}:${issue.message}`}
      size="small"
      columns={columns}
      dataSource={[...errors]}
      pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      data-testid="import-errors"
    />
  );
}

const dash = (value: string | null) => value ?? '—';
