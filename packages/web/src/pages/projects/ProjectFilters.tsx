import { useState } from 'react';
import { Button, Col, Flex, Input, Row, Select, TreeSelect } from 'antd';
import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useCodelists, useScopeRegions } from '../../api/reference.ts';
import type { CodeItem } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';
import { AmountRangeInput } from './AmountRangeInput.tsx';
import { hasAdvancedFilter, type ListState } from './listParams.ts';

type FilterPatch = Partial<Omit<ListState, 'page' | 'pageSize' | 'sort' | 'order'>>;

interface ProjectFiltersProps {
  state: ListState;
  compact: boolean;
  onChange: (patch: FilterPatch) => void;
  onReset: () => void;
}

const COL = { xs: 24, sm: 12, lg: 8, xl: 6 } as const;
/** The plan-year select's value for "every year". */
const ALL_YEARS = 0;
// The five code selects go two to a row on phones.
const SELECT_COL = { ...COL, xs: 12 } as const;

/** The filter bar of the project list; every change goes straight to the URL through `onChange`. */
export function ProjectFilters({ state, compact, onChange, onReset }: ProjectFiltersProps) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const regions = useScopeRegions();
  const [expanded, setExpanded] = useState(() => hasAdvancedFilter(state));

  const options = (items: readonly CodeItem[]) => items.map((item) => ({ value: item.code, label: item[locale] }));
  const years = [...new Set([...codelists.planYears, state.planYear ?? ALL_YEARS])].filter(
    (year) => year !== ALL_YEARS,
  );
  years.sort((a, b) => b - a);

  const handleSearch = (value: string) => onChange({ q: value.trim() || undefined });
  const handleSelect =
    (name: 'regionCode' | 'level' | 'category' | 'nature' | 'stage') => (value: string | undefined) =>
      onChange({ [name]: value || undefined });
  const handlePlanYear = (value: number) => onChange({ planYear: value === ALL_YEARS ? null : value });
  const handleAmounts = (range: { minInvestment?: string; maxInvestment?: string }) => onChange(range);
  const handleToggle = () => setExpanded((open) => !open);

  const showAdvanced = !compact || expanded;

  return (
    <Row gutter={[12, 12]} data-testid="project-filters">
      <Col {...COL} xs={compact ? 16 : 24}>
        <Input.Search
          allowClear
          // Restart from the URL whenever it changes from outside (back button, reset, a shared link).
          key={state.q ?? ''}
          defaultValue={state.q}
          onSearch={handleSearch}
          placeholder={t('project.filter.q')}
          aria-label={t('project.filter.q')}
        />
      </Col>
      {compact && (
        <Col xs={8}>
          <Button
            block
            icon={<FilterOutlined />}
            onClick={handleToggle}
            type={hasAdvancedFilter(state) ? 'primary' : 'default'}
            ghost={hasAdvancedFilter(state)}
          >
            {expanded ? t('project.filter.less') : t('project.filter.more')}
          </Button>
        </Col>
      )}
      {showAdvanced && (
        <>
          <Col {...SELECT_COL}>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: '100%' }}
              value={state.regionCode}
              onChange={handleSelect('regionCode')}
              treeData={buildRegionTree(regions.data ?? [])}
              loading={regions.isLoading}
              placeholder={t('project.filter.region')}
              aria-label={t('project.filter.region')}
            />
          </Col>
          <Col {...SELECT_COL}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={state.level}
              onChange={handleSelect('level')}
              options={options(codelists.levels)}
              placeholder={t('project.filter.level')}
              aria-label={t('project.filter.level')}
            />
          </Col>
          <Col {...SELECT_COL}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={state.category}
              onChange={handleSelect('category')}
              options={options(codelists.categories)}
              placeholder={t('project.filter.category')}
              aria-label={t('project.filter.category')}
            />
          </Col>
          <Col {...SELECT_COL}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={state.nature}
              onChange={handleSelect('nature')}
              options={options(codelists.natures)}
              placeholder={t('project.filter.nature')}
              aria-label={t('project.filter.nature')}
            />
          </Col>
          <Col {...SELECT_COL}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={state.stage}
              onChange={handleSelect('stage')}
              options={options(codelists.stages)}
              placeholder={t('project.filter.stage')}
              aria-label={t('project.filter.stage')}
            />
          </Col>
          <Col {...COL}>
            <AmountRangeInput
              // Restart from the URL whenever it changes from outside (back button, reset, a shared link).
              key={`${state.minInvestment ?? ''}~${state.maxInvestment ?? ''}`}
              min={state.minInvestment}
              max={state.maxInvestment}
              onChange={handleAmounts}
            />
          </Col>
          <Col {...COL}>
            <Flex gap={8}>
              <Select<number>
                style={{ flex: 1, minWidth: 0 }}
                value={state.planYear ?? ALL_YEARS}
                onChange={handlePlanYear}
                options={[
                  ...years.map((year) => ({ value: year, label: String(year) })),
                  { value: ALL_YEARS, label: t('project.filter.allYears') },
                ]}
                prefix={<span style={{ color: '#8c8c8c' }}>{t('project.filter.planYear')}</span>}
                aria-label={t('project.filter.planYear')}
              />
              <Button icon={<ReloadOutlined />} onClick={onReset}>
                {t('common.reset')}
              </Button>
            </Flex>
          </Col>
        </>
      )}
    </Row>
  );
}
