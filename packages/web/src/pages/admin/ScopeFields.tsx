import { useState } from 'react';
import { Form, Select, TreeSelect } from 'antd';
import { ROLES_WITH_ORGANIZATION, ROLES_WITH_REGION, type Role } from '@keyprojects/core';
import { useGrantableOrganizations } from '../../api/admin.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { buildRegionTree, type RegionNode } from '../../lib/regionTree.ts';

/** Greys out every region above county level (the system administrator may open county accounts only). */
function countiesOnly(nodes: RegionNode[], levels: Map<string, string>): (RegionNode & { disabled?: boolean })[] {
  return nodes.map((node) => ({
    ...node,
    disabled: levels.get(node.value) !== 'county',
    ...(node.children ? { children: countiesOnly(node.children, levels) } : {}),
  }));
}

/**
 * The region and organisation of an account form, inside the administrator's region; each is shown when the
 * chosen role uses it and required when the role needs it.
 */
export function ScopeFields({ role, countyOnly }: { role: Role | undefined; countyOnly: boolean }) {
  const t = useT();
  const regions = useScopeRegions();
  const [orgSearch, setOrgSearch] = useState('');
  const organizations = useGrantableOrganizations(orgSearch);
  const levels = new Map((regions.data ?? []).map((r) => [r.code, r.level]));
  const tree = buildRegionTree(regions.data ?? []);
  const needsRegion = role !== undefined && ROLES_WITH_REGION.includes(role);
  const needsOrganization = role !== undefined && ROLES_WITH_ORGANIZATION.includes(role);
  return (
    <>
      <Form.Item
        name="regionCode"
        label={t('users.field.region')}
        rules={[{ required: needsRegion }]}
        extra={countyOnly ? t('users.regionCountyHint') : undefined}
      >
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeData={countyOnly ? countiesOnly(tree, levels) : tree}
          aria-label={t('users.field.region')}
          data-testid="region-select"
        />
      </Form.Item>
      <Form.Item name="organizationId" label={t('users.field.organization')} rules={[{ required: needsOrganization }]}>
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setOrgSearch }}
          placeholder={t('users.field.organizationSearch')}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          loading={organizations.isFetching}
          aria-label={t('users.field.organization')}
          data-testid="organization-select"
        />
      </Form.Item>
    </>
  );
}
