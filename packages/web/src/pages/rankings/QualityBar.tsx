import { Flex, Tooltip, Typography } from 'antd';
import { DATA_QUALITY_FACTORS, formatPoints, projectDataQuality, type DataQualityFactor } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/**
 * Each factor's full marks in hundredths, which is its share of the bar: core's score of a project with nothing due
 * and nothing wrong (every factor full), so the weights stay written once, in data-quality.ts.
 */
export const FACTOR_FULL: Record<DataQualityFactor, number> = projectDataQuality({
  due: 0,
  onTime: 0,
  late: 0,
  withPhotos: 0,
  monthsBehind: 0,
  correctionsAfterLock: 0,
  warningsIgnored: 0,
}).terms;
export const FACTOR_COLORS: Record<DataQualityFactor, string> = {
  timeliness: '#1d4ed8',
  freshness: '#13a8a8',
  evidence: '#389e0d',
  corrections: '#d48806',
  warnings: '#c41d7f',
};

/**
 * A data-quality score as one bar of 100: five segments as wide as each factor's full marks, each filled as far as
 * the factor scored, so a district losing its photo evidence shows a half-empty green segment.
 */
export function QualityBar({ terms }: { terms: Record<DataQualityFactor, number> }) {
  const t = useT();
  return (
    <Flex style={{ width: '100%', minWidth: 96, height: 10 }} gap={2} role="img" aria-label={describe(terms, t)}>
      {DATA_QUALITY_FACTORS.map((factor) => (
        <Tooltip
          key={factor}
          title={`${t(`ranking.quality.factor.${factor}`)} ${formatPoints(terms[factor])} / ${formatPoints(FACTOR_FULL[factor])}`}
        >
          <div style={{ flex: FACTOR_FULL[factor], background: '#f0f0f0', borderRadius: 2, overflow: 'hidden' }}>
            <div
              style={{
                width: `${String(Math.max(0, Math.min(100, (terms[factor] * 100) / FACTOR_FULL[factor])))}%`,
                height: '100%',
                background: FACTOR_COLORS[factor],
              }}
            />
          </div>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** The five factors as a legend with their full marks. */
export function QualityLegend() {
  const t = useT();
  return (
    <Flex gap={12} wrap>
      {DATA_QUALITY_FACTORS.map((factor) => (
        <Flex key={factor} gap={4} align="center">
          <span style={{ width: 10, height: 10, borderRadius: 2, background: FACTOR_COLORS[factor] }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`ranking.quality.factor.${factor}`)} {formatPoints(FACTOR_FULL[factor])}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

function describe(terms: Record<DataQualityFactor, number>, t: ReturnType<typeof useT>): string {
  return DATA_QUALITY_FACTORS.map(
    (factor) => `${t(`ranking.quality.factor.${factor}`)} ${formatPoints(terms[factor])}`,
  ).join('，');
}
