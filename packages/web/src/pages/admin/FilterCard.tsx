import type { ReactNode } from 'react';
import { Card, Row, TreeSelect } from 'antd';
import { useScopeRegions } from '../../api/reference.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';

/** The card the administrators' lists put their filters in: one responsive row of columns. */
export function FilterCard({ children }: { children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 12]}>{children}</Row>
    </Card>
  );
}

interface RegionFilterProps {
  value: string | undefined;
  onChange: (regionCode: string | undefined) => void;
  /** The placeholder, also the accessible name. */
  placeholder: string;
}

/** A filter by region (and below), over the regions of the signed-in user's scope; cleared = every region. */
export function RegionFilter({ value, onChange, placeholder }: RegionFilterProps) {
  const regions = useScopeRegions();
  return (
    <TreeSelect
      allowClear
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width: '100%' }}
      value={value}
      onChange={(regionCode?: string) => onChange(regionCode || undefined)}
      treeData={buildRegionTree(regions.data ?? [])}
      placeholder={placeholder}
      aria-label={placeholder}
    />
  );
}
