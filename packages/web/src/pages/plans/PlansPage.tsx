/**
 * 计划节点 (/plans): this week's tasks, this month's nodes and the overdue ones across the projects in scope, with
 * region and responsible-unit filters kept in the URL; the region timeline; the re-planned projects; SPI per region.
 */
import { Card, Flex, Grid, Select, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { usePlanNodes } from '../../api/plans.ts';
import { useResponsibleUnits } from '../../api/problems.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { RegionTreeSelect } from '../projects/RegionTreeSelect.tsx';
import { PlanNodeList } from './PlanNodeList.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';
import { RegionSpiPanel } from './RegionSpiPanel.tsx';
import { ReplannedTable } from './ReplannedTable.tsx';

const TABS = ['week', 'month', 'overdue', 'timeline', 'replanned', 'spi'] as const;
type Tab = (typeof TABS)[number];
const TIMELINE_SIZE = 100;

/** The /plans page. */
export default function PlansPage() {
  const t = useT();
  const { can, today } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'week';
  const regionCode = params.get('region') ?? undefined;
  const unit = Number(params.get('unit')) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const mayRead = can('plan.read');
  const listWindow = tab === 'week' || tab === 'month' || tab === 'overdue' ? tab : 'month';
  const filters = { regionCode, responsibleOrgId: unit };
  const list = usePlanNodes({ window: listWindow, ...filters, page, pageSize }, mayRead && tab === listWindow);
  const overdue = usePlanNodes(
    { window: 'overdue', ...filters, pageSize: TIMELINE_SIZE },
    mayRead && tab === 'timeline',
  );
  const upcoming = usePlanNodes(
    { window: 'month', ...filters, pageSize: TIMELINE_SIZE },
    mayRead && tab === 'timeline',
  );
  const units = useResponsibleUnits(mayRead);
  if (!mayRead) return <Forbidden />;

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const nodeList = (
    <PlanNodeList
      data={list.data}
      loading={list.isFetching}
      page={page}
      pageSize={pageSize}
      compact={compact}
      onPage={(p, size) => update({ page: String(p), pageSize: String(size) })}
    />
  );
  const content: Record<Tab, ReactNode> = {
    week: nodeList,
    month: nodeList,
    overdue: nodeList,
    timeline: (
      <PlanTimeline
        overdue={overdue.data?.items ?? []}
        upcoming={upcoming.data?.items ?? []}
        today={today ?? ''}
        compact={compact}
        loading={overdue.isLoading || upcoming.isLoading}
      />
    ),
    replanned: <ReplannedTable regionCode={regionCode} />,
    spi: <RegionSpiPanel regionCode={regionCode} />,
  };

  return (
    <div className="kp-page">
      <PageHeader title={t('plans.title')} sub={t('plans.sub')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap>
          <div style={{ width: compact ? '100%' : 260 }}>
            <RegionTreeSelect value={regionCode} onChange={(v) => update({ region: v })} />
          </div>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('plans.filter.unit')}
            style={{ width: compact ? '100%' : 240 }}
            value={unit}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            onChange={(v?: number) => update({ unit: v ? String(v) : undefined })}
            data-testid="plans-unit-filter"
          />
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key })}
          items={TABS.map((key) => ({
            key,
            label: t(`plans.tab.${key}`),
            children: key === tab ? content[key] : null,
          }))}
        />
      </Card>
    </div>
  );
}
