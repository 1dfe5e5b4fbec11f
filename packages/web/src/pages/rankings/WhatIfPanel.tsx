import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, InputNumber, Row, Tag, Typography } from 'antd';
import { ExperimentOutlined, UndoOutlined } from '@ant-design/icons';
import {
  RANKING_INDICATOR_LABELS,
  type RankingResult,
  type RankingScheme,
  type RankingSchemeId,
} from '@keyprojects/core';
import { rankingWhatIf } from '../../api/ranking.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useLocale } from '../../i18n/useT.ts';
import { editablePoints, withPoints } from './whatIfPoints.ts';

interface WhatIfPanelProps {
  schemeId: RankingSchemeId;
  scheme: RankingScheme;
  period: string;
  /** The simulated ranking, or null when the panel is reset. */
  onResult: (result: RankingResult | null) => void;
}

type Changes = Record<number, Record<string, number>>;

/**
 * 模拟计算: the scheme's terms with their points editable; 重新计算 asks the server to rank with the changed terms
 * (POST what-if, never stored), and the page shows that result labelled 模拟，不发布.
 */
export function WhatIfPanel({ schemeId, scheme, period, onResult }: WhatIfPanelProps) {
  const { t, locale, label } = useLocale();
  const [changes, setChanges] = useState<Changes>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = Object.values(changes).reduce((sum, values) => sum + Object.keys(values).length, 0);

  const handleChange = (index: number, key: string, value: number | null) => {
    setChanges((before) => {
      // An emptied box goes back to the scheme's number: the key is left out of the term's changes.
      const kept = Object.entries(before[index] ?? {}).filter(([other]) => other !== key);
      const term = Object.fromEntries(value === null ? kept : [...kept, [key, value]]);
      return { ...before, [index]: term };
    });
  };
  const handleReset = () => {
    setChanges({});
    setError(null);
    onResult(null);
  };
  const handleRun = async () => {
    setRunning(true);
    setError(null);
    try {
      const terms = scheme.terms.map((term, index) => ({
        ...term,
        formula: withPoints(term.formula, changes[index] ?? {}),
      }));
      onResult(await rankingWhatIf({ scheme: schemeId, period, terms }));
    } catch (cause) {
      const fields = cause instanceof ApiError ? Object.values(cause.fields) : [];
      setError([errorMessage(cause), ...fields].join('：'));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="what-if-panel"
      style={{ borderColor: '#ffd591', background: '#fffbf3' }}
      title={
        <Flex gap={8} align="center" wrap>
          <ExperimentOutlined />
          <span>{t('ranking.whatIf.title')}</span>
          <Tag color="orange">{t('ranking.whatIf.badge')}</Tag>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('ranking.whatIf.hint')}
      </Typography.Paragraph>
      <Row gutter={[16, 12]}>
        {scheme.terms.map((term, index) => (
          <Col key={term.indicator} xs={24} sm={12} xl={8}>
            <Typography.Text strong>{label(RANKING_INDICATOR_LABELS[term.indicator])}</Typography.Text>
            {term.group && <Typography.Text type="secondary"> · {term.group}</Typography.Text>}
            <Flex gap={8} wrap style={{ marginTop: 4 }}>
              {editablePoints(term.formula, locale).map((point) => (
                <InputNumber
                  key={point.key}
                  size="small"
                  style={{ width: point.label ? 132 : 100 }}
                  min={-1000}
                  max={1000}
                  step={1}
                  precision={2}
                  prefix={point.label || undefined}
                  aria-label={`${label(RANKING_INDICATOR_LABELS[term.indicator])} ${point.label}`}
                  value={changes[index]?.[point.key] ?? point.value}
                  onChange={(value) => handleChange(index, point.key, value)}
                />
              ))}
            </Flex>
          </Col>
        ))}
      </Row>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
        <Button type="primary" icon={<ExperimentOutlined />} loading={running} onClick={() => void handleRun()}>
          {t('ranking.whatIf.run')}
        </Button>
        <Button icon={<UndoOutlined />} onClick={handleReset}>
          {t('ranking.whatIf.reset')}
        </Button>
        {changed > 0 && (
          <Typography.Text type="secondary">{t('ranking.whatIf.changed', { count: changed })}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
