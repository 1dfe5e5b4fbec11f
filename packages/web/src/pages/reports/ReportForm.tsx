import { useState, type ReactNode } from 'react';
import { App, Button, Card, Flex, Form } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { reportInput, type ReportOutput } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { reportKeys, saveReport, type ReportRef } from '../../api/reports.ts';
import { statsKeys } from '../../api/stats.ts';
import { useLocale } from '../../i18n/useT.ts';
import { issuesToFields } from '../projects/formErrors.ts';
import { applyReportErrors, toBody, toFormValues, type EditMode, type ReportFormValues } from './reportForm.ts';
import { ReportFormFields } from './ReportFormFields.tsx';
import { ReportTotals } from './ReportTotals.tsx';

interface ReportFormProps {
  report: ReportOutput;
  previous: ReportOutput | null;
  mode: Exclude<EditMode, 'readOnly'>;
  cutoffDate: string;
  /** Shown between the fields and the action bar (the photos). */
  children?: ReactNode;
}

/** Filing (save a draft or submit) or correcting a report, checked against the core contract before it is sent. */
export function ReportForm({ report, previous, mode, cutoffDate, children }: ReportFormProps) {
  const { t, locale } = useLocale();
  const [form] = Form.useForm<ReportFormValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const typed = Form.useWatch('completedThisMonth', form);
  const ref: ReportRef = { projectId: report.projectId, year: report.year, month: report.month };

  const showErrors = (fields: Record<string, string>, summary: string) => {
    const unplaced = applyReportErrors(form, fields);
    void message.error([summary, ...unplaced].join('；'));
  };

  const send = async (values: ReportFormValues, submit: boolean) => {
    const body = toBody(values, submit, mode);
    const check = reportInput.safeParse(body);
    if (!check.success) {
      showErrors(issuesToFields(check.error.issues, locale, t), t('form.checkFields'));
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const saved = await saveReport(ref, body);
      queryClient.setQueryData(reportKeys.detail(ref), saved);
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: statsKeys.all });
      void message.success(
        t(mode === 'correct' ? 'report.corrected' : submit ? 'report.submittedOk' : 'report.savedOk'),
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0) {
        showErrors(error.fields, t('form.checkFields'));
      } else {
        void message.error(errorMessage(error));
      }
    } finally {
      setSaving(null);
    }
  };

  const save = async (submit: boolean) => {
    let values: ReportFormValues;
    try {
      values = await form.validateFields();
    } catch {
      void message.error(t('form.checkFields'));
      return;
    }
    if (!submit) {
      await send(values, false);
      return;
    }
    modal.confirm({
      title: t('report.submitConfirmTitle'),
      content: t('report.submitConfirmBody'),
      okText: t('report.submit'),
      cancelText: t('common.cancel'),
      onOk: () => send(values, true),
    });
  };
  const handleSave = (submit: boolean) => () => void save(submit);

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(report, previous)}
      data-testid="report-form"
    >
      <Flex vertical gap={12}>
        <ReportTotals report={report} typed={typed} />
        <Card size="small" title={t(mode === 'correct' ? 'report.correctTitle' : 'report.formTitle')}>
          <ReportFormFields year={report.year} cutoffDate={cutoffDate} mode={mode} />
        </Card>
        {children}
        <Card size="small" className="kp-action-bar" styles={{ body: { padding: '10px 12px' } }}>
          <Flex justify="flex-end" gap={8}>
            {mode === 'file' ? (
              <>
                <Button
                  icon={<SaveOutlined />}
                  onClick={handleSave(false)}
                  loading={saving === 'draft'}
                  disabled={saving === 'submit'}
                >
                  {t('report.saveDraft')}
                </Button>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={handleSave(true)}
                  loading={saving === 'submit'}
                  disabled={saving === 'draft'}
                >
                  {t('report.submit')}
                </Button>
              </>
            ) : (
              <Button type="primary" icon={<SaveOutlined />} onClick={handleSave(false)} loading={saving !== null}>
                {t('report.saveCorrection')}
              </Button>
            )}
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}
