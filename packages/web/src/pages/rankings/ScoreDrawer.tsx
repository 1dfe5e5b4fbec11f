import { Drawer, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatPoints, type RankingTermItem, type RankingUnitItem } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { MovementTag } from './MovementTag.tsx';

interface ScoreDrawerProps {
  unit: RankingUnitItem | null;
  compact: boolean;
  /** Shown in the title when the ranking is a simulation or a frozen edition. */
  badge?: string | undefined;
  onClose: () => void;
}

/** Terms in the order of the scheme, gathered by their comparison (Henan's four groups); ungrouped terms alone. */
function groupsOf(terms: readonly RankingTermItem[]): { group: string | null; terms: RankingTermItem[] }[] {
  const groups: { group: string | null; terms: RankingTermItem[] }[] = [];
  for (const term of terms) {
    const last = groups.at(-1);
    if (term.group !== null && last?.group === term.group) last.terms.push(term);
    else groups.push({ group: term.group, terms: [term] });
  }
  return groups;
}

/** 为什么是这个分数: every term of a unit's score (indicator, value, formula, points), summing to the score. */
export function ScoreDrawer({ unit, compact, badge, onClose }: ScoreDrawerProps) {
  const t = useT();
  const value = (term: RankingTermItem) =>
    term.missing ? (
      <Typography.Text type="secondary">{t('ranking.explain.missing')}</Typography.Text>
    ) : (
      <Flex vertical>
        <span>{term.valueText}</span>
        {term.bestText !== null && (
          <Typography.Text type="secondary">{t('ranking.explain.best', { best: term.bestText })}</Typography.Text>
        )}
      </Flex>
    );
  // On a phone a term is one cell (indicator, formula, value under each other) beside its points: no column is cut.
  const columns: TableColumnsType<RankingTermItem> = [
    {
      key: 'indicator',
      title: t('ranking.explain.indicator'),
      width: compact ? undefined : '30%',
      render: (_, term) => (
        <Flex vertical>
          <Typography.Text>{term.label}</Typography.Text>
          {compact && <Typography.Text type="secondary">{term.formulaText}</Typography.Text>}
          {compact && value(term)}
        </Flex>
      ),
    },
    ...(compact
      ? []
      : [
          {
            key: 'value',
            title: t('ranking.explain.value'),
            width: '26%',
            render: (_: unknown, term: RankingTermItem) => value(term),
          },
          {
            key: 'formula',
            title: t('ranking.explain.formula'),
            render: (_: unknown, term: RankingTermItem) => term.formulaText,
          },
        ]),
    {
      key: 'points',
      title: t('ranking.explain.points'),
      align: 'right',
      width: 72,
      render: (_, term) => (
        <Typography.Text strong data-testid="term-points">
          {term.points}
        </Typography.Text>
      ),
    },
  ];
  // Only project indicators (Yan'an's) list projects; without them no table keeps an empty expand column.
  const withProjects = unit?.terms.some((term) => term.details.length + term.hiddenProjects > 0) ?? false;
  return (
    <Drawer
      open={unit !== null}
      onClose={onClose}
      size={compact ? '100%' : 760}
      title={
        unit && (
          <Flex gap={8} align="center" wrap>
            <span>{t('ranking.explain.title', { unit: unit.unitName })}</span>
            {badge && <Tag color="orange">{badge}</Tag>}
          </Flex>
        )
      }
      data-testid="score-drawer"
    >
      {unit && (
        <Flex vertical gap={16}>
          <Flex gap={12} align="baseline" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="explain-total">
              {unit.points}
            </Typography.Title>
            <Typography.Text>{t('ranking.rankN', { rank: unit.rank })}</Typography.Text>
            <MovementTag movement={unit.movement} />
          </Flex>
          {groupsOf(unit.terms).map(({ group, terms }, index) => (
            <div key={group ?? `terms-${String(index)}`} data-testid="explain-group">
              {group && (
                <Flex justify="space-between" style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{group}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('ranking.explain.groupTotal', {
                      points: formatPoints(terms.reduce((sum, term) => sum + term.hundredths, 0)),
                    })}
                  </Typography.Text>
                </Flex>
              )}
              <Table<RankingTermItem>
                rowKey="indicator"
                size="small"
                tableLayout="fixed"
                // One header for the groups stacked below each other, whose columns line up (fixed layout).
                showHeader={index === 0}
                columns={columns}
                dataSource={terms}
                pagination={false}
                expandable={
                  withProjects
                    ? {
                        rowExpandable: (term) => term.details.length + term.hiddenProjects > 0,
                        expandedRowRender: (term) => <TermProjects term={term} />,
                      }
                    : undefined
                }
                data-testid="explain-terms"
              />
            </div>
          ))}
          <Flex justify="space-between" className="kp-explain-sum">
            <Typography.Text strong>{t('ranking.explain.sum')}</Typography.Text>
            <Typography.Text strong>{unit.points}</Typography.Text>
          </Flex>
        </Flex>
      )}
    </Drawer>
  );
}

/** The projects behind a project indicator, each with its value and points. */
function TermProjects({ term }: { term: RankingTermItem }) {
  const t = useT();
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">
        {t('ranking.explain.projects', { count: term.details.length })}
      </Typography.Text>
      {term.details.map((detail) => (
        <Flex key={detail.projectId} justify="space-between" gap={12}>
          <Typography.Text ellipsis={{ tooltip: detail.name }} style={{ minWidth: 0 }}>
            {detail.name}
          </Typography.Text>
          <Flex gap={12} style={{ flexShrink: 0 }}>
            <Typography.Text type="secondary">{detail.valueText}</Typography.Text>
            <Typography.Text>{detail.points}</Typography.Text>
          </Flex>
        </Flex>
      ))}
      {term.hiddenProjects > 0 && (
        <Typography.Text type="secondary">
          {t('ranking.explain.hidden', { count: term.hiddenProjects })}
        </Typography.Text>
      )}
    </Flex>
  );
}
