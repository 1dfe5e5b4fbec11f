import type { ReactNode } from 'react';
import { Table } from 'antd';
import { FINANCING_INSTRUMENT_LABELS, type FinancingEditionItem } from '@keyprojects/core';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useLocale } from '../../i18n/useT.ts';

/** A published edition's needs as everyone reads them (no project data beyond name and district). */
export function EditionTable({
  items,
  action,
}: {
  items: readonly FinancingEditionItem[];
  action?: (item: FinancingEditionItem) => ReactNode;
}) {
  const { t, label } = useLocale();
  const columns = [
    { title: t('financing.project'), dataIndex: 'projectName', ellipsis: true, width: 200 },
    { title: t('financing.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('financing.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, i: FinancingEditionItem) => <MoneyText value={i.amount} showYi={false} />,
    },
    {
      title: t('financing.instrument'),
      key: 'instrument',
      render: (_: unknown, i: FinancingEditionItem) => label(FINANCING_INSTRUMENT_LABELS[i.instrument]),
    },
    { title: t('financing.term'), dataIndex: 'termMonths', align: 'right' as const, responsive: ['md' as const] },
    { title: t('financing.purpose'), dataIndex: 'purpose', responsive: ['lg' as const] },
    { title: t('financing.collateral'), dataIndex: 'collateral', responsive: ['lg' as const] },
    ...(action ? [{ title: '', key: 'action', render: (_: unknown, i: FinancingEditionItem) => action(i) }] : []),
  ];
  return (
    <Table<FinancingEditionItem>
      rowKey="needId"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
