import { Col, DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@keyprojects/core';
import type { AuditFilters } from '../../api/admin.ts';
import { useT } from '../../i18n/useT.ts';
import { codeText } from './auditLabels.ts';
import { FilterCard, RegionFilter } from './FilterCard.tsx';

/** The audit log's filters: time range, actor, action, entity type, IP, region. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const t = useT();
  const update = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  const handleRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    update({
      from: range?.[0]?.startOf('minute').toISOString(),
      to: range?.[1]?.endOf('minute').toISOString(),
    });
  return (
    <FilterCard>
      <Col xs={24} lg={9}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={handleRange}
          aria-label={t('audit.filter.time')}
        />
      </Col>
      <Col xs={12} lg={5}>
        <Input.Search
          allowClear
          placeholder={t('audit.filter.actor')}
          aria-label={t('audit.filter.actor')}
          onSearch={(actor) => update({ actor: actor.trim() || undefined })}
          data-testid="audit-actor"
        />
      </Col>
      <Col xs={12} lg={5}>
        <Input.Search
          allowClear
          placeholder={t('audit.filter.ip')}
          aria-label={t('audit.filter.ip')}
          onSearch={(ip) => update({ ip: ip.trim() || undefined })}
        />
      </Col>
      <Col xs={12} lg={5}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          value={value.action}
          onChange={(action?: string) => update({ action })}
          placeholder={t('audit.filter.action')}
          aria-label={t('audit.filter.action')}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: codeText(t, 'audit.action', a) }))}
          data-testid="audit-action"
        />
      </Col>
      <Col xs={12} lg={6}>
        <Select
          allowClear
          style={{ width: '100%' }}
          value={value.entityType}
          onChange={(entityType?: AuditFilters['entityType']) => update({ entityType })}
          placeholder={t('audit.filter.entityType')}
          aria-label={t('audit.filter.entityType')}
          options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: codeText(t, 'audit.entity', e) }))}
          data-testid="audit-entity"
        />
      </Col>
      <Col xs={24} lg={6}>
        <RegionFilter
          value={value.regionCode}
          onChange={(regionCode) => update({ regionCode })}
          placeholder={t('audit.filter.region')}
        />
      </Col>
    </FilterCard>
  );
}
