import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import type { ProjectLifecycle } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { lifecycleKeys, recordTransition, uploadTransitionEvidence } from '../../api/lifecycle.ts';
import { projectKeys } from '../../api/projects.ts';
import { EvidenceUpload } from '../../components/EvidenceUpload.tsx';
import { useLocale } from '../../i18n/useT.ts';

interface Values {
  target: string;
  occurredOn: Dayjs;
  note?: string;
}

const optionKey = (stageCode: string, stepCode: string | null) => `${stageCode}/${stepCode ?? ''}`;

/**
 * "记录进展": the stage or step entered (only those the rules allow next), its date (from the earliest allowed to the
 * application's date), a note and evidence files uploaded once the transition exists.
 */
export function ProjectLifecycleRecordModal({
  open,
  lifecycle,
  onClose,
}: {
  open: boolean;
  lifecycle: ProjectLifecycle;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const target = Form.useWatch('target', form);
  const option = lifecycle.next.find((n) => optionKey(n.stageCode, n.stepCode) === target);
  const today = dayjs(lifecycle.today);
  const earliest = dayjs(option?.earliest ?? lifecycle.earliest);

  const handleSave = async () => {
    const values = await form.validateFields();
    const chosen = lifecycle.next.find((n) => optionKey(n.stageCode, n.stepCode) === values.target);
    if (!chosen) return;
    setSaving(true);
    try {
      const after = await recordTransition(lifecycle.projectId, {
        stageCode: chosen.stageCode,
        stepCode: chosen.stepCode,
        occurredOn: values.occurredOn.format('YYYY-MM-DD'),
        note: values.note ?? null,
      });
      const recorded = after.transitions.reduce((a, b) => (b.id > a.id ? b : a));
      for (const file of files) {
        if (!file.originFileObj) continue;
        await uploadTransitionEvidence(lifecycle.projectId, recorded.id, file.originFileObj).catch((error: unknown) => {
          void message.warning(t('lifecycle.form.evidenceRejected', { name: file.name, reason: errorMessage(error) }));
        });
      }
      void message.success(t('lifecycle.form.saved'));
      await queryClient.invalidateQueries({ queryKey: lifecycleKeys.project(lifecycle.projectId) });
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      form.resetFields();
      setFiles([]);
      onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      const dateError = fields.occurredOn;
      const targetError = fields.stageCode ?? fields.stepCode;
      if (dateError || targetError) {
        form.setFields([
          ...(dateError ? [{ name: 'occurredOn' as const, errors: [dateError] }] : []),
          ...(targetError ? [{ name: 'target' as const, errors: [targetError] }] : []),
        ]);
      } else void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('lifecycle.form.required', { field }) }];
  return (
    <Modal
      open={open}
      title={t('lifecycle.card.record')}
      onCancel={onClose}
      onOk={() => void handleSave()}
      confirmLoading={saving}
      okButtonProps={{ disabled: lifecycle.next.length === 0 }}
      destroyOnHidden
    >
      {lifecycle.next.length === 0 && <Alert type="info" title={t('lifecycle.form.noNext')} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ occurredOn: today }}>
        <Form.Item name="target" label={t('lifecycle.form.target')} rules={required(t('lifecycle.form.target'))}>
          <Select
            options={lifecycle.next.map((n) => ({
              value: optionKey(n.stageCode, n.stepCode),
              label: n.stepLabel ? `${label(n.stageLabel)} · ${label(n.stepLabel)}` : label(n.stageLabel),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('lifecycle.form.date')}
          rules={required(t('lifecycle.form.date'))}
          extra={t('lifecycle.form.dateHelp', { earliest: earliest.format('YYYY-MM-DD'), today: lifecycle.today })}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(today, 'day') || d.isBefore(earliest, 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('lifecycle.form.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('lifecycle.form.evidence')}>
          <EvidenceUpload files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
