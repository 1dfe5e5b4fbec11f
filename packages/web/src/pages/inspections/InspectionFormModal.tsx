import { useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { inspectionKeys, recordInspection } from '../../api/inspections.ts';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

interface Values {
  inspectedOn: Dayjs;
  mode: 'onsite' | 'online';
  inspectors: string;
  findings: string;
  needsRectification: boolean;
  dueOn?: Dayjs;
  title?: string;
  category?: ProblemCategory;
  unitId?: number | null;
  assigneeName?: string;
}

/** Records an inspection of a project; a required rectification becomes a tracked problem on the server. */
export function InspectionFormModal({
  projectId,
  open,
  onClose,
}: {
  projectId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = App.useApp();
  const { today } = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const needsRectification = Form.useWatch('needsRectification', form);
  const todayDate = dayjs(today);
  const required = (field: string) => [{ required: true, whitespace: true, message: field }];

  const handleSave = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await recordInspection(projectId, {
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        mode: v.mode,
        inspectors: v.inspectors,
        findings: v.findings,
        rectification:
          v.needsRectification && v.dueOn && v.title && v.category
            ? {
                dueOn: v.dueOn.format('YYYY-MM-DD'),
                title: v.title,
                category: v.category,
                unitId: v.unitId ?? null,
                assigneeName: v.assigneeName?.trim() ? v.assigneeName : null,
              }
            : null,
      });
      void message.success(t('inspection.saved'));
      await queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
      form.resetFields();
      onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
      void message.error(fields.length ? fields.map(([, text]) => text).join('；') : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('site.addInspection')}
      onCancel={onClose}
      onOk={() => void handleSave()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ inspectedOn: todayDate, mode: 'onsite', needsRectification: false }}
      >
        <Form.Item name="inspectedOn" label={t('inspection.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDate, 'day')} />
        </Form.Item>
        <Form.Item name="mode" label={t('inspection.mode')}>
          <Radio.Group
            options={[
              { value: 'onsite', label: t('inspection.mode.onsite') },
              { value: 'online', label: t('inspection.mode.online') },
            ]}
          />
        </Form.Item>
        <Form.Item name="inspectors" label={t('inspection.inspectors')} rules={required(t('inspection.inspectors'))}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="findings" label={t('inspection.findings')} rules={required(t('inspection.findings'))}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="needsRectification" valuePropName="checked">
          <Checkbox>{t('inspection.needsRectification')}</Checkbox>
        </Form.Item>
        {needsRectification && (
          <>
            <Form.Item name="dueOn" label={t('inspection.rectifyBy')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(todayDate, 'day')} />
            </Form.Item>
            <Form.Item name="title" label={t('inspection.rectifyTitle')} rules={required(t('inspection.rectifyTitle'))}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="category" label={t('inspection.category')} rules={[{ required: true }]}>
              <Select
                options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: label(PROBLEM_CATEGORY_LABELS[c]) }))}
              />
            </Form.Item>
            <Form.Item name="unitId" label={t('inspection.unit')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="assigneeName" label={t('inspection.assignee')}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
