import { useState } from 'react';
import { Flex, Segmented, Typography } from 'antd';
import { Panel } from '../../components/Panel.tsx';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import type { DashboardOutput, StatDimension } from '@keyprojects/core';
import { isMessageId } from '../../i18n/translate.ts';
import { useLocale } from '../../i18n/useT.ts';
import { BreakdownBars, type BarMeasure } from './BreakdownBars.tsx';
import type { OnDrill } from './drill.ts';
import { MeasureSwitch } from './MeasureSwitch.tsx';

type Group = 'category' | 'level' | 'sizeTier';

const ROWS_OF: Record<Group, keyof DashboardOutput['breakdowns']> = {
  category: 'byCategory',
  level: 'byLevel',
  sizeTier: 'bySizeTier',
};

/** Size tiers from the largest down. */
const TIER_ORDER = ['ge50yi', 'ge10yi', 'ge1yi', 'lt1yi'];

/** The breakdowns by category, level and size tier (亿元以上, 10亿元以上, 50亿元以上), one at a time. */
export function GroupChart({ breakdowns, onDrill }: { breakdowns: DashboardOutput['breakdowns']; onDrill: OnDrill }) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const [group, setGroup] = useState<Group>('category');
  const [measure, setMeasure] = useState<BarMeasure>('count');

  const labelOf = (key: string): string => {
    const id = `dashboard.group.${group}.${key}`;
    if (isMessageId(id)) return t(id);
    return codeLabel(group === 'level' ? codelists.levels : codelists.categories, key, locale);
  };
  const rows = [...breakdowns[ROWS_OF[group]]];
  if (group === 'sizeTier') rows.sort((a, b) => TIER_ORDER.indexOf(a.key) - TIER_ORDER.indexOf(b.key));
  const dimension: StatDimension = group;

  return (
    <Panel
      title={
        <Segmented<Group>
          size="small"
          value={group}
          onChange={setGroup}
          options={[
            { value: 'category', label: t('dashboard.chart.byCategory') },
            { value: 'level', label: t('dashboard.chart.byLevel') },
            { value: 'sizeTier', label: t('dashboard.chart.bySize') },
          ]}
        />
      }
      extra={<MeasureSwitch value={measure} onChange={setMeasure} />}
      style={{ height: '100%' }}
    >
      <Flex vertical>
        <BreakdownBars
          rows={rows}
          labelOf={labelOf}
          measure={measure}
          dimension={dimension}
          onDrill={onDrill}
          ariaLabel={t('dashboard.chart.byGroup')}
          testId="group-chart"
        />
        {group === 'level' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="level-note">
            {t('dashboard.chart.levelNote')}
          </Typography.Text>
        )}
      </Flex>
    </Panel>
  );
}
