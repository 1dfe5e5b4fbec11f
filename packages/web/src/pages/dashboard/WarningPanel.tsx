import { Col, Flex, Row, Statistic, Typography } from 'antd';
import { Panel } from '../../components/Panel.tsx';
import { Link } from 'react-router';
import type { WarningLevel, WarningSummary } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import type { WarningDrill } from './WarningDrillDrawer.tsx';

const LEVEL_COLOR: Record<WarningLevel, string> = { red: '#cf1322', yellow: '#d48806' };

interface WarningPanelProps {
  summary: WarningSummary;
  regionCode: string | undefined;
  onDrill: (drill: WarningDrill) => void;
}

/** The dashboard's warning panel: active warnings by level and by rule; every count opens the warnings behind it. */
export function WarningPanel({ summary, regionCode, onDrill }: WarningPanelProps) {
  const t = useT();
  const levelCard = (level: WarningLevel) => {
    const title = t(level === 'red' ? 'warning.panel.red' : 'warning.panel.yellow');
    return (
      <Panel
        hoverable
        onClick={() => onDrill({ title, query: { level, regionCode } })}
        data-testid={`warning-panel-${level}`}
      >
        <Statistic title={title} value={summary.byLevel[level]} styles={{ content: { color: LEVEL_COLOR[level] } }} />
      </Panel>
    );
  };
  const count = (value: number, level: WarningLevel, rule: WarningSummary['byRule'][number]) =>
    value === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Typography.Link
        style={{ color: LEVEL_COLOR[level] }}
        onClick={() =>
          onDrill({
            title: `${rule.ruleLabel} · ${t(`warning.level.${level}`)}`,
            query: { rule: rule.rule, level, regionCode },
          })
        }
      >
        {value}
      </Typography.Link>
    );
  return (
    <Panel
      title={t('warning.panel.title')}
      style={{ height: '100%' }}
      extra={<Link to="/warnings">{t('warning.panel.all')}</Link>}
      data-testid="warning-panel"
    >
      <Row gutter={[8, 8]}>
        <Col span={12}>{levelCard('red')}</Col>
        <Col span={12}>{levelCard('yellow')}</Col>
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 4px' }}>
        {t('warning.panel.byRule')}
      </Typography.Text>
      <Flex vertical gap={4}>
        {summary.byRule.length === 0 && <Typography.Text type="secondary">{t('warning.card.none')}</Typography.Text>}
        {summary.byRule.map((rule) => (
          <Flex key={rule.rule} justify="space-between" gap={8}>
            <Typography.Link onClick={() => onDrill({ title: rule.ruleLabel, query: { rule: rule.rule, regionCode } })}>
              {rule.ruleLabel}
            </Typography.Link>
            <span>
              {count(rule.red, 'red', rule)} / {count(rule.yellow, 'yellow', rule)}
            </span>
          </Flex>
        ))}
      </Flex>
    </Panel>
  );
}
