import { Alert, Card, Steps, Typography } from 'antd';
import type { ProblemDetail } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';

type Clock = NonNullable<ProblemDetail['clock']>;
type Step = Clock['steps'][number];

const STATUS: Record<Step['state'], 'finish' | 'process' | 'wait' | 'error'> = {
  done: 'finish',
  done_late: 'finish',
  on_time: 'wait',
  due_today: 'process',
  overdue: 'error',
};

/** The 13710 clock as a countdown: each step with its due date and working days left or overdue, and the escalation. */
export function ProblemClockCard({ problem }: { problem: ProblemDetail }) {
  const { t, label } = useLocale();
  const clock = problem.clock;
  const countdown = (step: Step) => {
    if (step.doneOn) return t('problem.step.doneOn', { date: step.doneOn });
    if (step.state === 'overdue') return t('problem.daysOverdue', { n: step.workingDaysOverdue });
    if (step.state === 'due_today') return t('problem.dueToday');
    return t('problem.daysLeft', { n: step.workingDaysLeft ?? 0 });
  };
  return (
    <Card
      size="small"
      data-testid="problem-clock"
      title={clock ? t('problem.detail.clock', { rule: label(clock.ruleLabel) }) : t('problem.col.clock')}
    >
      {!clock && <Typography.Text type="secondary">{t('problem.detail.noClock')}</Typography.Text>}
      {clock?.escalation && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('problem.detail.escalation', { label: label(clock.escalation.label), n: clock.escalation.level })}
        />
      )}
      {clock && (
        <Steps
          orientation="vertical"
          size="small"
          current={clock.steps.findIndex((s) => s.step === clock.current)}
          items={clock.steps.map((step) => ({
            title: label(step.label),
            status: STATUS[step.state],
            description: (
              <>
                <div>{t('problem.step.dueOn', { date: step.dueOn })}</div>
                <Typography.Text type={step.state === 'overdue' ? 'danger' : 'secondary'}>
                  {countdown(step)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
