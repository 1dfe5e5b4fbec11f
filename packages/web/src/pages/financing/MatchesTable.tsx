import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { MATCH_STATE_LABELS, matchMoveAllowed, type FinancingMatch, type MatchState } from '@keyprojects/core';
import { useFinancingActions } from '../../api/financing.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useLocale } from '../../i18n/useT.ts';

const STATE_COLORS: Record<MatchState, string> = {
  interested: 'blue',
  negotiating: 'orange',
  signed: 'green',
  declined: 'default',
};

/** Matches with their state and signed amount; those who may move them get the moves core allows. */
export function MatchesTable({ items, canMove }: { items: readonly FinancingMatch[]; canMove: boolean }) {
  const { t, label } = useLocale();
  const { move } = useFinancingActions();
  const handleMove = (m: FinancingMatch, state: MatchState) => {
    // Signing asks for the amount; the demo's quick action signs the need's amount (editable later is not offered).
    const body = state === 'signed' ? { state, signedAmount: m.needAmount } : { state };
    move.mutate({ id: m.id, body });
  };
  const columns = [
    { title: t('financing.edition'), dataIndex: 'editionCode', responsive: ['md' as const] },
    { title: t('financing.project'), dataIndex: 'projectName', ellipsis: true, width: 200 },
    { title: t('financing.institution'), dataIndex: 'institution', responsive: ['md' as const] },
    {
      title: t('financing.state'),
      key: 'state',
      render: (_: unknown, m: FinancingMatch) => (
        <Tag color={STATE_COLORS[m.state]}>{label(MATCH_STATE_LABELS[m.state])}</Tag>
      ),
    },
    {
      title: t('financing.signedAmount'),
      key: 'signed',
      align: 'right' as const,
      render: (_: unknown, m: FinancingMatch) => <MoneyText value={m.signedAmount} showYi={false} />,
    },
    ...(canMove
      ? [
          {
            title: t('financing.move'),
            key: 'move',
            render: (_: unknown, m: FinancingMatch) => (
              <Space size={4} wrap>
                {(['negotiating', 'signed', 'declined'] as const)
                  .filter((to) => matchMoveAllowed(m.state, to))
                  .map((to) => (
                    <Popconfirm key={to} title={label(MATCH_STATE_LABELS[to])} onConfirm={() => handleMove(m, to)}>
                      <Button size="small">{label(MATCH_STATE_LABELS[to])}</Button>
                    </Popconfirm>
                  ))}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<FinancingMatch>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
