/**
 * 标记完成: a node's actual dates and status on the current plan (the actual end no later than the application's
 * date), and evidence files (image or PDF) uploaded to the node once its progress is saved.
 */
import { App as AntApp, DatePicker, Form, Input, Modal, Select, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { NODE_STATUSES, type NodeStatus, type PlanNodeOutput } from '@keyprojects/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { recordNodeProgress, uploadNodeEvidence, useInvalidatePlans } from '../../api/plans.ts';
import { useT } from '../../i18n/useT.ts';
import { EvidenceUpload } from '../../components/EvidenceUpload.tsx';

interface ProgressValues {
  status: NodeStatus;
  actualStart?: Dayjs | null;
  actualEnd?: Dayjs | null;
  note?: string;
}

interface ProjectPlanProgressModalProps {
  projectId: number;
  node: PlanNodeOutput | null;
  /** The application's date: the latest actual date allowed. */
  today: string;
  onClose: () => void;
}

const asDay = (date: string | null) => (date ? dayjs(date) : null);

/** The modal recording a node's progress; open while `node` is set. */
export function ProjectPlanProgressModal({ projectId, node, today, onClose }: ProjectPlanProgressModalProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const invalidate = useInvalidatePlans();
  const [form] = Form.useForm<ProgressValues>();
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (node)
      form.setFieldsValue({
        // Opened from "mark done": done is what the user most often records.
        status: 'done',
        actualStart: asDay(node.actualStart ?? node.plannedStart),
        actualEnd: asDay(node.actualEnd ?? today),
        note: node.note ?? '',
      });
  }, [node, form, today]);

  // The picked files belong to one opening of the modal.
  const close = () => {
    setFiles([]);
    onClose();
  };

  const afterToday = (d: Dayjs) => d.isAfter(dayjs(today), 'day');
  const handleOk = async () => {
    if (!node) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await recordNodeProgress(projectId, node.key, {
        status: values.status,
        actualStart: values.actualStart?.format('YYYY-MM-DD') ?? null,
        actualEnd: values.status === 'done' ? (values.actualEnd?.format('YYYY-MM-DD') ?? null) : null,
        note: values.note?.trim() || null,
      });
      // The progress is saved; a refused file is reported by name and the others still go up.
      for (const file of files) {
        if (!file.originFileObj) continue;
        await uploadNodeEvidence(projectId, node.key, file.originFileObj).catch((error: unknown) => {
          void message.warning(t('lifecycle.form.evidenceRejected', { name: file.name, reason: errorMessage(error) }));
        });
      }
      void message.success(t('plan.progressSaved'));
      await invalidate();
      close();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={node !== null}
      title={t('plan.progress.title', { name: node?.name ?? '' })}
      onOk={() => void handleOk()}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
      data-testid="plan-progress-modal"
    >
      <Form form={form} layout="vertical">
        <Form.Item name="status" label={t('plan.progress.status')} rules={[{ required: true }]}>
          <Select options={NODE_STATUSES.map((s) => ({ value: s, label: t(`plan.nodeStatus.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="actualStart"
          label={t('plan.progress.actualStart')}
          extra={t('plan.progress.futureHint', { date: today })}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
        </Form.Item>
        {status === 'done' && (
          <Form.Item name="actualEnd" label={t('plan.progress.actualEnd')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={afterToday} data-testid="plan-actual-end" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('plan.progress.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('lifecycle.form.evidence')}>
          <EvidenceUpload files={files} onChange={setFiles} testId="plan-evidence-upload" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
