import { Card, Col, DatePicker, Form, Row } from 'antd';
import { PROJECT_FIELD_LABELS } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { FORM_COL } from './FormBasicSection.tsx';

const FIELDS = [
  'plannedStartDate',
  'plannedCompletionDate',
  'plannedProductionDate',
  'actualStartDate',
  'actualCompletionDate',
  'actualProductionDate',
] as const;

/** Planned and actual start, completion and production dates of the project form. */
export function FormScheduleSection() {
  const { t, label } = useLocale();
  return (
    <Card title={t('form.section.schedule')} size="small">
      <Row gutter={16}>
        {FIELDS.map((field) => (
          <Col key={field} {...FORM_COL}>
            <Form.Item name={field} label={label(PROJECT_FIELD_LABELS[field])}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
