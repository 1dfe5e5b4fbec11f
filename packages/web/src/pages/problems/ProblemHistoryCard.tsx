import { Card, Timeline, Typography } from 'antd';
import { PROBLEM_ACTION_LABELS, PROBLEM_ACTIONS, type ProblemAction, type ProblemDetail } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

const isAction = (value: string): value is ProblemAction => (PROBLEM_ACTIONS as readonly string[]).includes(value);

/** 办理记录: every transition with its date, who acted and the reason or note. */
export function ProblemHistoryCard({ problem }: { problem: ProblemDetail }) {
  const { t, label } = useLocale();
  return (
    <Card size="small" title={t('problem.detail.history')}>
      <Timeline
        items={problem.events.map((event) => ({
          key: event.id,
          content: (
            <>
              <Typography.Text strong>
                {isAction(event.action) ? label(PROBLEM_ACTION_LABELS[event.action]) : event.action}
              </Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                {event.onDate} {event.actorName ?? ''}
              </Typography.Text>
              {event.note && <div>{event.note}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
