import { Col, DatePicker, Form, Grid, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { parseWan } from '@keyprojects/core';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { MoneyInput } from '../projects/MoneyInput.tsx';
import type { EditMode } from './reportForm.ts';

interface ReportFormFieldsProps {
  year: number;
  /** The period's cut-off: the latest start date one may report. */
  cutoffDate: string;
  mode: EditMode;
}

/** The fields of a monthly report, phone first: one column, the two counts side by side. */
export function ReportFormFields({ year, cutoffDate, mode }: ReportFormFieldsProps) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const started = Form.useWatch<boolean | undefined>('started');
  // On a phone the calendar is tapped, not typed into: no keyboard over it.
  const compact = Grid.useBreakpoint().md === false;
  const required = { required: true, message: t('form.required') };
  const first = dayjs(`${year}-01-01`);
  const last = dayjs(cutoffDate);
  const disabledDate = (date: Dayjs) => date.isBefore(first, 'day') || date.isAfter(last, 'day');

  return (
    <>
      <Form.Item
        name="completedThisMonth"
        label={t('report.field.completedThisMonth')}
        extra={t('report.amountHint')}
        rules={[
          required,
          {
            validator: (_, value: string | undefined) =>
              !value || parseWan(value) !== null
                ? Promise.resolve()
                : Promise.reject(new Error(t('form.invalidAmount'))),
          },
        ]}
      >
        <MoneyInput placeholder="0.00" size="large" />
      </Form.Item>
      <Form.Item name="started" label={t('report.field.started')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      </Form.Item>
      {started && (
        <Form.Item
          name="startedOn"
          label={t('report.field.startedOn')}
          rules={[required]}
          extra={t('report.startedOnHint', { from: first.format('YYYY-MM-DD'), to: cutoffDate })}
        >
          <DatePicker
            disabledDate={disabledDate}
            defaultPickerValue={last}
            style={{ width: '100%' }}
            inputReadOnly={compact}
          />
        </Form.Item>
      )}
      <Form.Item name="stage" label={t('report.field.stage')}>
        <Select
          allowClear
          placeholder={t('form.select')}
          options={codelists.stages.map((stage) => ({ value: stage.code, label: stage[locale] }))}
        />
      </Form.Item>
      <Form.Item name="progressText" label={t('report.field.progressText')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={1000}
          placeholder={t('report.progressPlaceholder')}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="progressPercent" label={t('report.field.progressPercent')}>
            <InputNumber min={0} max={100} step={1} suffix="%" style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="workers" label={t('report.field.workers')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="machines" label={t('report.field.machines')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
      {mode === 'correct' && (
        <Form.Item
          name="correctionReason"
          label={t('report.correctionReason')}
          extra={t('report.correctionHint')}
          rules={[required, { min: 2, whitespace: true, message: t('report.reasonTooShort') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}
