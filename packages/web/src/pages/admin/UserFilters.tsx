import { Col, Input, Select } from 'antd';
import { ACCOUNT_STATES, ROLE_LABELS, ROLES, type UserListQuery } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { FilterCard, RegionFilter } from './FilterCard.tsx';

/** Search and filters of the account list: text, role, region (and below), state. */
export function UserFilters({ value, onChange }: { value: UserListQuery; onChange: (next: UserListQuery) => void }) {
  const { t, label } = useLocale();
  const update = (patch: Partial<UserListQuery>) => onChange({ ...value, ...patch });
  return (
    <FilterCard>
      <Col xs={24} md={12} lg={7}>
        <Input.Search
          allowClear
          defaultValue={value.q}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          data-testid="user-search"
        />
      </Col>
      <Col xs={12} md={6} lg={5}>
        <Select
          allowClear
          style={{ width: '100%' }}
          value={value.role}
          onChange={(role) => update({ role })}
          placeholder={t('users.filter.role')}
          aria-label={t('users.filter.role')}
          options={ROLES.map((role) => ({ value: role, label: label(ROLE_LABELS[role]) }))}
        />
      </Col>
      <Col xs={12} md={6} lg={5}>
        <Select
          allowClear
          style={{ width: '100%' }}
          value={value.state}
          onChange={(state) => update({ state })}
          placeholder={t('users.filter.state')}
          aria-label={t('users.filter.state')}
          options={ACCOUNT_STATES.map((state) => ({ value: state, label: t(`users.state.${state}`) }))}
        />
      </Col>
      <Col xs={24} md={12} lg={7}>
        <RegionFilter
          value={value.regionCode}
          onChange={(regionCode) => update({ regionCode })}
          placeholder={t('users.filter.region')}
        />
      </Col>
    </FilterCard>
  );
}
