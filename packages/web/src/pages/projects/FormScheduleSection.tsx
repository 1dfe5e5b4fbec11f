import { Card, Col, DatePicker, Form, Row } from 'antd';
import { PROJECT_FIELD_LABELS, PROJECT_SCHEDULE_FIELDS } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { FORM_COL } from './FormBasicSection.tsx';

/** Planned and actual start, completion and production dates of the project form. */
export function FormScheduleSection() {
  const { t, label } = useLocale();
  return (
    <Card title={t('form.section.schedule')} size="small">
      <Row gutter={16}>
        {PROJECT_SCHEDULE_FIELDS.map((field) => (
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
