/** 生成计划 / 调整计划: a draft laid out backwards from a target date (倒排工期), with the earliest feasible date shown. */
import { App as AntApp, Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SHIPPED_LIFECYCLE_TEMPLATES } from '@keyprojects/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { generatePlan, useEarliestTarget, useInvalidatePlans } from '../../api/plans.ts';
import { useLocale } from '../../i18n/useT.ts';

interface GenerateValues {
  targetDate?: Dayjs;
  untilStage?: string;
  reason?: string;
}

interface ProjectPlanGenerateModalProps {
  projectId: number;
  /** A re-plan (an approved plan exists): the reason is required. */
  replan: boolean;
  earliestTarget: string | null;
  open: boolean;
  onClose: () => void;
}

// The stages a plan may run to: those of the shipped templates (a project's own template decides; the server checks).
const STAGES = [
  ...new Map(
    SHIPPED_LIFECYCLE_TEMPLATES.flatMap((tpl) => tpl.definition.stages.map((s) => [s.code, s] as const)),
  ).values(),
];

/** The modal asking for the target date (and the stage to plan until, and the reason of a re-plan). */
export function ProjectPlanGenerateModal({
  projectId,
  replan,
  earliestTarget,
  open,
  onClose,
}: ProjectPlanGenerateModalProps) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const invalidate = useInvalidatePlans();
  const [form] = Form.useForm<GenerateValues>();
  const [saving, setSaving] = useState(false);
  // The earliest target depends on the stage the plan runs to: asked again when the stage changes.
  const untilStage = Form.useWatch('untilStage', form);
  const toStage = useEarliestTarget(projectId, untilStage, open);
  const earliest = untilStage ? (toStage.data ?? null) : earliestTarget;

  const handleOk = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await generatePlan(projectId, {
        targetDate: values.targetDate?.format('YYYY-MM-DD') ?? '',
        untilStage: values.untilStage || undefined,
        reason: values.reason?.trim() || undefined,
      });
      void message.success(t('plan.generated'));
      await invalidate();
      form.resetFields();
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(replan ? 'plan.generate.replanTitle' : 'plan.generate.title')}
      onOk={() => void handleOk()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      data-testid="plan-generate-modal"
    >
      {earliest && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.generate.earliest', { date: earliest })}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="targetDate"
          label={t('plan.generate.target')}
          rules={[{ required: true, message: t('plan.generate.targetRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            data-testid="plan-target-date"
            disabledDate={(d) => (earliest ? d.isBefore(dayjs(earliest), 'day') : false)}
          />
        </Form.Item>
        <Form.Item name="untilStage" label={t('plan.generate.until')}>
          <Select
            allowClear
            placeholder={t('plan.generate.untilAll')}
            options={STAGES.map((s) => ({ value: s.code, label: label(s.label) }))}
          />
        </Form.Item>
        {replan && (
          <Form.Item
            name="reason"
            label={t('plan.generate.reason')}
            rules={[{ required: true, whitespace: true, message: t('plan.generate.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="plan-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
