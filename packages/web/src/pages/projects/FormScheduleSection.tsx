import { Card, Col, DatePicker, Form, Row } from 'antd';
import { PROJECT_FIELD_LABELS, PROJECT_SCHEDULE_FIELDS } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { FORM_COL } from './FormBasicSection.tsx';

const ACTUAL_FIELDS: ReadonlySet<string> = new Set(['actualStartDate', 'actualCompletionDate', 'actualProductionDate']);

/**
 * Planned and actual start, completion and production dates of the project form. Editing a project, the actual
 * dates are read-only: they derive from the lifecycle's transitions (recorded on the project's lifecycle card).
 */
export function FormScheduleSection({ editing = false }: { editing?: boolean }) {
  const { t, label } = useLocale();
  return (
    <Card title={t('form.section.schedule')} size="small">
      <Row gutter={16}>
        {PROJECT_SCHEDULE_FIELDS.map((field) => (
          <Col key={field} {...FORM_COL}>
            <Form.Item
              name={field}
              label={label(PROJECT_FIELD_LABELS[field])}
              tooltip={editing && ACTUAL_FIELDS.has(field) ? t('lifecycle.actualFromTransitions') : undefined}
            >
              <DatePicker style={{ width: '100%' }} disabled={editing && ACTUAL_FIELDS.has(field)} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
