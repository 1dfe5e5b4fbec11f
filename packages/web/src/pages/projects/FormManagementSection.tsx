import { Card, Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import { KNOWN_TAGS, PROJECT_FIELD_LABELS } from '@keyprojects/core';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { FORM_COL } from './FormBasicSection.tsx';
import { OfficerSelect } from './OfficerSelect.tsx';

/** Stage, financing, responsible people, tags and statistics fields of the project form. */
export function FormManagementSection({ currentOfficerName }: { currentOfficerName?: string | null }) {
  const { t, label, locale } = useLocale();
  const { codelists } = useCodelists();
  const tagOptions = Object.entries(KNOWN_TAGS).map(([value, known]) => ({ value, label: known[locale] }));

  return (
    <Card title={t('form.section.management')} size="small">
      <Row gutter={16}>
        <Col {...FORM_COL}>
          <Form.Item
            name="stage"
            label={label(PROJECT_FIELD_LABELS.stage)}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select options={codelists.stages.map((item) => ({ value: item.code, label: item[locale] }))} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="financingModel" label={label(PROJECT_FIELD_LABELS.financingModel)}>
            <Select
              options={codelists.financingModels.map((item) => ({ value: item.code, label: item[locale] }))}
              allowClear
              placeholder={t('form.select')}
            />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="serviceOfficerId" label={label(PROJECT_FIELD_LABELS.serviceOfficerId)}>
            <OfficerSelect currentName={currentOfficerName} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="responsibleLeader" label={label(PROJECT_FIELD_LABELS.responsibleLeader)}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="responsibleUnit" label={label(PROJECT_FIELD_LABELS.responsibleUnit)}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="contactPerson" label={label(PROJECT_FIELD_LABELS.contactPerson)}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="contactPhone" label={label(PROJECT_FIELD_LABELS.contactPhone)}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col {...FORM_COL}>
          <Form.Item name="tags" label={label(PROJECT_FIELD_LABELS.tags)}>
            <Select mode="tags" options={tagOptions} placeholder={t('form.tagsPlaceholder')} maxCount={20} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="inStatistics" label={label(PROJECT_FIELD_LABELS.inStatistics)} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="inStatisticsSince" label={label(PROJECT_FIELD_LABELS.inStatisticsSince)}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
