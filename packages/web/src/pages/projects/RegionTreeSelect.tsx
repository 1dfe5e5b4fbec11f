import { TreeSelect } from 'antd';
import { useScopeRegions } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';

interface RegionTreeSelectProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}

/** Picks one of the regions in the user's scope (for a Form.Item). */
export function RegionTreeSelect({ id, value, onChange }: RegionTreeSelectProps) {
  const t = useT();
  const regions = useScopeRegions();
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={buildRegionTree(regions.data ?? [])}
      loading={regions.isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={t('form.select')}
      style={{ width: '100%' }}
    />
  );
}
