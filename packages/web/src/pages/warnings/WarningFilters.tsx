import { useState } from 'react';
import { Button, Col, DatePicker, Flex, Grid, Input, Row, Select, TreeSelect } from 'antd';
import { FilterOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DISTRICT_WARNING_RULE_LABELS, WARNING_RULE_LABELS, type WarningListQueryJson } from '@keyprojects/core';
import { useScopeRegions } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';

const COL = { xs: 24, sm: 12, md: 8, lg: 6 } as const;
const RULES = { ...WARNING_RULE_LABELS, ...DISTRICT_WARNING_RULE_LABELS };

interface WarningFiltersProps {
  query: WarningListQueryJson;
  onChange: (patch: Partial<WarningListQueryJson>) => void;
  onReset: () => void;
}

/**
 * The warnings list's filters: text, level and status, then region, rule and the first-raised dates — on a phone
 * those three fold behind a button (shown when one of them is set).
 */
export function WarningFilters({ query, onChange, onReset }: WarningFiltersProps) {
  const { t, label } = useLocale();
  const regions = useScopeRegions();
  const compact = Grid.useBreakpoint().md === false;
  const [expanded, setExpanded] = useState(false);
  const showAdvanced =
    !compact || expanded || Boolean(query.regionCode ?? query.rule ?? query.raisedFrom ?? query.raisedTo);
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    query.raisedFrom ? dayjs(query.raisedFrom) : null,
    query.raisedTo ? dayjs(query.raisedTo) : null,
  ];
  return (
    <Row gutter={[8, 8]}>
      <Col {...COL}>
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('warning.filter.q')}
          aria-label={t('warning.filter.q')}
          onSearch={(q) => onChange({ q: q || undefined })}
        />
      </Col>
      <Col {...COL}>
        <Select
          allowClear
          style={{ width: '100%' }}
          value={query.level}
          onChange={(level) => onChange({ level })}
          placeholder={t('warning.filter.level')}
          aria-label={t('warning.filter.level')}
          options={[
            { value: 'red', label: t('warning.level.red') },
            { value: 'yellow', label: t('warning.level.yellow') },
          ]}
        />
      </Col>
      <Col {...COL}>
        <Select
          style={{ width: '100%' }}
          value={query.status ?? 'active'}
          onChange={(status) => onChange({ status })}
          aria-label={t('warning.filter.status')}
          options={(['active', 'cleared', 'all'] as const).map((value) => ({
            value,
            label: t(`warning.status.${value}`),
          }))}
        />
      </Col>
      {showAdvanced && (
        <>
          <Col {...COL}>
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: '100%' }}
              value={query.regionCode}
              onChange={(regionCode: string | undefined) => onChange({ regionCode })}
              treeData={buildRegionTree(regions.data ?? [])}
              loading={regions.isLoading}
              placeholder={t('warning.filter.region')}
              aria-label={t('warning.filter.region')}
            />
          </Col>
          <Col {...COL}>
            <Select
              allowClear
              style={{ width: '100%' }}
              value={query.rule}
              onChange={(rule) => onChange({ rule })}
              placeholder={t('warning.filter.rule')}
              aria-label={t('warning.filter.rule')}
              options={Object.entries(RULES).map(([value, text]) => ({ value, label: label(text) }))}
            />
          </Col>
          <Col {...COL}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={range}
              allowEmpty={[true, true]}
              aria-label={t('warning.filter.raised')}
              placeholder={[t('warning.filter.raised'), t('warning.filter.raised')]}
              onChange={(dates) =>
                onChange({
                  raisedFrom: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
                  raisedTo: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
                })
              }
            />
          </Col>
        </>
      )}
      <Col {...COL}>
        <Flex gap={8}>
          {compact && (
            <Button icon={<FilterOutlined />} onClick={() => setExpanded(!expanded)}>
              {expanded ? t('project.filter.less') : t('project.filter.more')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={onReset}>
            {t('warning.filter.reset')}
          </Button>
        </Flex>
      </Col>
    </Row>
  );
}
