import type { ReactNode } from 'react';
import { Flex, Grid, Table, Typography } from 'antd';
import { FINANCING_INSTRUMENT_LABELS, type FinancingEditionItem } from '@keyprojects/core';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useLocale } from '../../i18n/useT.ts';

/**
 * A published edition's needs as everyone reads them (no project data beyond name and district). On a phone the
 * wide columns would push the amount and instrument off screen, so each need is one cell: the project, and under
 * it what a bank decides on — amount, instrument, term — with the district.
 */
export function EditionTable({
  items,
  action,
}: {
  items: readonly FinancingEditionItem[];
  action?: (item: FinancingEditionItem) => ReactNode;
}) {
  const { t, label } = useLocale();
  const compact = Grid.useBreakpoint().md === false;
  const instrument = (i: FinancingEditionItem) => label(FINANCING_INSTRUMENT_LABELS[i.instrument]);
  const actionColumn = action
    ? [{ title: '', key: 'action', render: (_: unknown, i: FinancingEditionItem) => action(i) }]
    : [];
  const columns = compact
    ? [
        {
          title: t('financing.project'),
          key: 'need',
          render: (_: unknown, i: FinancingEditionItem) => (
            <Flex vertical gap={2}>
              <Typography.Text strong>{i.projectName}</Typography.Text>
              <Typography.Text>
                <MoneyText value={i.amount} showYi={false} /> · {instrument(i)} · {i.termMonths}
                {t('financing.months')}
              </Typography.Text>
              <Typography.Text type="secondary">{i.regionName}</Typography.Text>
            </Flex>
          ),
        },
        ...actionColumn,
      ]
    : [
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
          render: (_: unknown, i: FinancingEditionItem) => instrument(i),
        },
        { title: t('financing.term'), dataIndex: 'termMonths', align: 'right' as const, responsive: ['md' as const] },
        { title: t('financing.purpose'), dataIndex: 'purpose', responsive: ['lg' as const] },
        { title: t('financing.collateral'), dataIndex: 'collateral', responsive: ['lg' as const] },
        ...actionColumn,
      ];
  return (
    <Table<FinancingEditionItem>
      rowKey="needId"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      scroll={compact ? undefined : { x: 'max-content' }}
    />
  );
}
