import { Card, Collapse, Flex, List, Typography } from 'antd';
import type { WarningItem } from '@keyprojects/core';
import { useProjectWarnings } from '../../api/warnings.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { WarningLevelTag } from '../warnings/WarningLevelTag.tsx';

/** One warning: its level, rule, figures sentence and dates. */
function WarningLine({ warning }: { warning: WarningItem }) {
  const t = useT();
  return (
    <List.Item>
      <Flex vertical gap={2} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <WarningLevelTag level={warning.level} />
          <Typography.Text strong>{warning.ruleLabel}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {warning.clearedOn
              ? `${warning.firstRaisedOn} – ${t('warning.card.clearedOn', { date: warning.clearedOn })}`
              : t('warning.card.since', { date: warning.firstRaisedOn })}
          </Typography.Text>
        </Flex>
        <Typography.Text>{warning.text}</Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** 预警 on the project page: the active warnings, and the cleared ones folded below. */
export function ProjectWarningsCard({ projectId }: { projectId: number }) {
  const t = useT();
  const { can } = useSession();
  const warnings = useProjectWarnings(projectId, can('warning.read'));
  if (!can('warning.read') || !warnings.data) return null;
  const { active, history } = warnings.data;
  return (
    <Card size="small" title={t('warning.card.title')} data-testid="project-warnings">
      {active.length === 0 ? (
        <Typography.Text type="secondary">{t('warning.card.none')}</Typography.Text>
      ) : (
        <List size="small" dataSource={active} renderItem={(w) => <WarningLine key={w.id} warning={w} />} />
      )}
      {history.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'history',
              label: t('warning.card.history', { count: history.length }),
              children: (
                <List size="small" dataSource={history} renderItem={(w) => <WarningLine key={w.id} warning={w} />} />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
