import { Table, Tag, type TableProps } from 'antd';
import { PROBLEM_STATE_LABELS, STEP_CLOCK_STATE_LABELS, type MeetingDecisionOutput } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

const CLOCK_COLORS: Record<string, string> = {
  done: 'green',
  done_late: 'orange',
  on_time: 'blue',
  due_today: 'gold',
  overdue: 'red',
};

/** Decisions with unit, person, deadline and where their clock stands today. */
export function DecisionTable({ decisions }: { decisions: readonly MeetingDecisionOutput[] }) {
  const { t, label } = useLocale();
  const columns: TableProps<MeetingDecisionOutput>['columns'] = [
    { title: t('meeting.decision.project'), dataIndex: 'projectName', width: 200 },
    { title: t('meeting.decision.title'), dataIndex: 'title', width: 220 },
    { title: t('meeting.decision.unit'), dataIndex: 'unitName', width: 150 },
    { title: t('meeting.decision.person'), dataIndex: 'assigneeName', width: 90 },
    { title: t('meeting.decision.due'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('meeting.decision.state'),
      dataIndex: 'state',
      width: 100,
      render: (state: MeetingDecisionOutput['state']) => label(PROBLEM_STATE_LABELS[state]),
    },
    {
      title: t('meeting.decision.clock'),
      key: 'clock',
      width: 170,
      render: (_, d) => {
        if (!d.clock) return null;
        const text =
          d.clock.state === 'overdue'
            ? t('meeting.clock.overdue', { days: d.clock.workingDaysOverdue })
            : d.clock.state === 'on_time' && d.clock.workingDaysLeft !== null
              ? t('meeting.clock.left', { days: d.clock.workingDaysLeft })
              : label(STEP_CLOCK_STATE_LABELS[d.clock.state]);
        return <Tag color={CLOCK_COLORS[d.clock.state]}>{text}</Tag>;
      },
    },
  ];
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...decisions]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('meeting.decision.none') }}
    />
  );
}
