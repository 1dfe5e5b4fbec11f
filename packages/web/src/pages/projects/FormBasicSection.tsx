import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { PROJECT_FIELD_LABELS } from '@keyprojects/core';
import { useCodelists } from '../../api/reference.ts';
import type { CodeItem } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { OwnerSelect } from './OwnerSelect.tsx';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';

export const FORM_COL = { xs: 24, md: 12, xl: 8 } as const;

/** Identity, owner, place and classification fields of the project form. */
export function FormBasicSection({ currentOwner }: { currentOwner?: { id: number; name: string } }) {
  const { t, label, locale } = useLocale();
  const { codelists } = useCodelists();
  const options = (items: readonly CodeItem[]) => items.map((item) => ({ value: item.code, label: item[locale] }));
  const required = { required: true, message: t('form.required') };

  return (
    <Card title={t('form.section.basic')} size="small">
      <Row gutter={16}>
        <Col {...FORM_COL}>
          <Form.Item name="code" label={label(PROJECT_FIELD_LABELS.code)} rules={[required]} extra={t('form.codeHint')}>
            <Input maxLength={24} placeholder="2509-320193-89-01-544060" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...FORM_COL} xl={16}>
          <Form.Item name="name" label={label(PROJECT_FIELD_LABELS.name)} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="ownerOrgId" label={label(PROJECT_FIELD_LABELS.ownerOrgId)} rules={[required]}>
            <OwnerSelect current={currentOwner} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="regionCode" label={label(PROJECT_FIELD_LABELS.regionCode)} rules={[required]}>
            <RegionTreeSelect />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item
            name="levels"
            label={label(PROJECT_FIELD_LABELS.levels)}
            rules={[{ ...required, type: 'array', min: 1 }]}
          >
            <Checkbox.Group options={options(codelists.levels)} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="category" label={label(PROJECT_FIELD_LABELS.category)} rules={[required]}>
            <Select options={options(codelists.categories)} placeholder={t('form.select')} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="industry" label={label(PROJECT_FIELD_LABELS.industry)}>
            <Select
              options={codelists.industries.map((item) => ({
                value: item.code,
                label: `${item.code} ${item[locale]}`,
              }))}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('form.select')}
            />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="nature" label={label(PROJECT_FIELD_LABELS.nature)} rules={[required]}>
            <Select options={options(codelists.natures)} placeholder={t('form.select')} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="address" label={label(PROJECT_FIELD_LABELS.address)}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="longitude" label={label(PROJECT_FIELD_LABELS.longitude)}>
            <InputNumber min={73} max={136} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="latitude" label={label(PROJECT_FIELD_LABELS.latitude)}>
            <InputNumber min={3} max={54} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="constructionContent" label={label(PROJECT_FIELD_LABELS.constructionContent)}>
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
