import { Card, Col, Form, Row, Typography } from 'antd';
import { PROJECT_FIELD_LABELS } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { AnnualPlansEditor } from './AnnualPlansEditor.tsx';
import { FORM_COL } from './FormBasicSection.tsx';
import { FundingSourcesEditor } from './FundingSourcesEditor.tsx';
import { MoneyInput } from './MoneyInput.tsx';

/** Total investment, annual plans and funding sources of the project form. */
export function FormInvestmentSection() {
  const { t, label } = useLocale();
  return (
    <Card title={t('form.section.investment')} size="small">
      <Row gutter={16}>
        <Col {...FORM_COL}>
          <Form.Item
            name="totalInvestment"
            label={label(PROJECT_FIELD_LABELS.totalInvestment)}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <MoneyInput />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('detail.annualPlans')}</Typography.Title>
      <AnnualPlansEditor />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('detail.fundingSources')}
      </Typography.Title>
      <FundingSourcesEditor />
    </Card>
  );
}
