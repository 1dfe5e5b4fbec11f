import { Tag, Typography, type TableColumnsType } from 'antd';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_STATE_LABELS, type Label, type ProblemListItem } from '@keyprojects/core';
import { Link } from 'react-router';
import type { Translate } from '../../i18n/translate.ts';
import { ClockTag } from './ClockTag.tsx';

/** The state colours of the list and the detail. */
export const STATE_COLORS: Record<ProblemListItem['state'], string> = {
  open: 'gold',
  accepted: 'cyan',
  in_progress: 'blue',
  resolved: 'purple',
  verified_closed: 'green',
  returned: 'volcano',
};

/** The columns of the problem list (the phone keeps the title, the clock and the state). */
export function problemColumns(
  t: Translate,
  label: (l: Label) => string,
  compact: boolean,
): TableColumnsType<ProblemListItem> {
  const columns: TableColumnsType<ProblemListItem> = [
    {
      key: 'title',
      title: t('problem.col.title'),
      render: (_, p) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/problems/${p.id}`}>{p.title}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.projectName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'clock', title: t('problem.col.clock'), render: (_, p) => <ClockTag item={p} /> },
    {
      key: 'state',
      title: t('problem.col.state'),
      render: (_, p) => <Tag color={STATE_COLORS[p.state]}>{label(PROBLEM_STATE_LABELS[p.state])}</Tag>,
    },
  ];
  if (compact) return columns;
  return [
    ...columns,
    { key: 'unit', title: t('problem.col.unit'), render: (_, p) => p.unitName ?? '—' },
    { key: 'due', title: t('problem.col.due'), dataIndex: 'dueOn', render: (v: string | null) => v ?? '—' },
    {
      key: 'category',
      title: t('problem.col.category'),
      render: (_, p) => label(PROBLEM_CATEGORY_LABELS[p.category]),
    },
    {
      key: 'escalation',
      title: t('problem.col.escalation'),
      render: (_, p) =>
        p.escalationLevel > 0 ? <Tag color="red">{t('problem.escalationLevel', { n: p.escalationLevel })}</Tag> : null,
    },
    { key: 'raisedOn', title: t('problem.col.raisedOn'), dataIndex: 'raisedOn' },
  ];
}
