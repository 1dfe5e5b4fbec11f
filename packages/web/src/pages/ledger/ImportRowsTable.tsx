import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { LedgerFieldChange, LedgerRowIssue, LedgerRowOutcome } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { ACTION_COLOR, ACTION_LABEL, ACTIONS } from './importLabels.ts';

/** The rows of a ledger and what each does; a row with changes expands into them, field by field. */
export function ImportRowsTable({
  rows,
  errors,
}: {
  rows: readonly LedgerRowOutcome[];
  /** The file's errors, counted per row for the rows that have them. */
  errors: readonly LedgerRowIssue[];
}) {
  const t = useT();
  const errorCount = new Map<number, number>();
  for (const issue of errors) errorCount.set(issue.row, (errorCount.get(issue.row) ?? 0) + 1);
  const detail = (outcome: LedgerRowOutcome) => {
    if (outcome.reason) return outcome.reason;
    if (outcome.action === 'invalid') {
      // A row refused only because of the file's own errors (a header, a missing column) has none of its own.
      const count = errorCount.get(outcome.row);
      return count ? t('ledger.rowErrors', { count }) : t('ledger.rowFileErrors');
    }
    if (outcome.action === 'unchanged') return t('ledger.noChanges');
    const count = outcome.changes?.length ?? 0;
    return count > 0 ? t('ledger.changes', { count }) : '';
  };
  const columns: TableColumnsType<LedgerRowOutcome> = [
    { title: t('ledger.col.row'), dataIndex: 'row', key: 'row', width: 64 },
    {
      title: t('ledger.col.action'),
      dataIndex: 'action',
      key: 'action',
      width: 96,
      filters: ACTIONS.map((action) => ({ text: t(ACTION_LABEL[action]), value: action })),
      onFilter: (value, outcome) => outcome.action === value,
      render: (_, outcome) => (
        <Tag color={ACTION_COLOR[outcome.action]} data-action={outcome.action}>
          {t(ACTION_LABEL[outcome.action])}
        </Tag>
      ),
    },
    {
      title: t('ledger.col.key'),
      dataIndex: 'key',
      key: 'key',
      width: 220,
      // A row without a code shows the project its name matched, or that the import issues its new project a code.
      render: (key: string | null, outcome) => (
        <span className="kp-nowrap">
          {key ?? '—'}
          {outcome.match && (
            <Tag color={outcome.match === 'name' ? 'blue' : 'gold'} style={{ marginInlineStart: 6 }}>
              {t(outcome.match === 'name' ? 'ledger.match.name' : 'ledger.match.issued')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('ledger.col.detail'), key: 'detail', render: (_, outcome) => detail(outcome) },
  ];
  return (
    <Table<LedgerRowOutcome>
      rowKey="row"
      size="small"
      columns={columns}
      dataSource={[...rows]}
      expandable={{
        rowExpandable: (outcome) => (outcome.changes?.length ?? 0) > 0,
        expandedRowRender: (outcome) => <FieldChanges outcome={outcome} />,
      }}
      pagination={
        rows.length > 10
          ? { defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50], size: 'small' }
          : false
      }
      scroll={{ x: 'max-content' }}
      data-testid="import-rows"
    />
  );
}

/** A row's fields: before → after for an update, the values for a new record. */
function FieldChanges({ outcome }: { outcome: LedgerRowOutcome }) {
  const t = useT();
  const isNew = outcome.action === 'create';
  const columns: TableColumnsType<LedgerFieldChange> = [
    { title: t('ledger.col.field'), dataIndex: 'header', key: 'header', width: 200 },
    ...(isNew
      ? []
      : [
          {
            title: t('ledger.col.before'),
            dataIndex: 'before',
            key: 'before',
            render: (value: string | null) => (
              <Typography.Text type="secondary" delete={value !== null}>
                {value ?? '—'}
              </Typography.Text>
            ),
          },
        ]),
    {
      title: isNew ? t('ledger.col.value') : t('ledger.col.after'),
      dataIndex: 'after',
      key: 'after',
      render: (value: string | null) => value ?? '—',
    },
  ];
  return (
    <Table<LedgerFieldChange>
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={outcome.changes ?? []}
      pagination={false}
      className="kp-import-changes"
    />
  );
}
