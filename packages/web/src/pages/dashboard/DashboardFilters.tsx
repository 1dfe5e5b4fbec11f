import { DatePicker, Flex, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useScopeRegions } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';

interface DashboardFiltersProps {
  asOf: string | null;
  regionCode: string | undefined;
  compact: boolean;
  onChange: (patch: { asOf?: string; regionCode?: string | undefined }) => void;
}

/** The as-of date and the region (inside the user's scope) the dashboard is about. */
export function DashboardFilters({ asOf, regionCode, compact, onChange }: DashboardFiltersProps) {
  const t = useT();
  const regions = useScopeRegions();
  const tree = buildRegionTree(regions.data ?? []);

  const handleDate = (value: Dayjs | null) => {
    if (value) onChange({ asOf: value.format('YYYY-MM-DD') });
  };
  const handleRegion = (value: string | undefined) => onChange({ regionCode: value || undefined });

  return (
    <Flex gap={8} wrap style={{ width: compact ? '100%' : undefined }}>
      <DatePicker
        value={asOf ? dayjs(asOf) : null}
        onChange={handleDate}
        allowClear={false}
        prefix={<span style={{ color: '#8c8c8c' }}>{t('dashboard.asOf')}</span>}
        style={{ width: compact ? 'calc(50% - 4px)' : 200 }}
        aria-label={t('dashboard.asOf')}
        data-testid="as-of"
      />
      <TreeSelect
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeDefaultExpandAll
        value={regionCode}
        onChange={handleRegion}
        treeData={tree}
        loading={regions.isLoading}
        placeholder={t('dashboard.allRegions')}
        aria-label={t('project.filter.region')}
        style={{ width: compact ? 'calc(50% - 4px)' : 200 }}
      />
    </Flex>
  );
}
