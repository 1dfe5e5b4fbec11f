import { useState } from 'react';
import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type dayjs from 'dayjs';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { addDecision, useResponsibleUnits } from '../../api/meetings.ts';
import { useProjectList } from '../../api/projects.ts';
import { useLocale } from '../../i18n/useT.ts';
import { useDebounced } from '../../lib/useDebounced.ts';

interface FormValues {
  projectId: number;
  title: string;
  description: string;
  category: ProblemCategory;
  assignedUnitId: number;
  assigneeName?: string;
  complex?: boolean;
  agreedFinalDueOn?: dayjs.Dayjs;
}

interface DecisionFormProps {
  meetingId: number;
  regionCode: string;
  open: boolean;
  onClose: (saved: boolean) => void;
}

/** Records a decision: project, task, unit, person (and an agreed date for a complex item); it becomes a problem. */
export function DecisionForm({ meetingId, regionCode, open, onClose }: DecisionFormProps) {
  const { t, label } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const projects = useProjectList({ q: q || undefined, regionCode, pageSize: 20 }, open);
  const units = useResponsibleUnits();
  const complex = Form.useWatch('complex', form);
  const [saving, setSaving] = useState(false);

  const handleFinish = async ({ complex: isComplex, agreedFinalDueOn, ...values }: FormValues) => {
    setSaving(true);
    try {
      await addDecision(meetingId, {
        ...values,
        complexity: isComplex ? 'complex' : 'ordinary',
        agreedFinalDueOn: isComplex && agreedFinalDueOn ? agreedFinalDueOn.format('YYYY-MM-DD') : null,
      });
      void message.success(t('meeting.decision.saved'));
      form.resetFields();
      onClose(true);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        form.setFields(Object.entries(error.fields).map(([name, text]) => ({ name, errors: [text] })) as never);
      } else void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('meeting.addDecision')}
      okText={t('meeting.addDecision')}
      cancelText={t('meeting.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void handleFinish(values)}>
        <Form.Item name="projectId" label={t('meeting.decision.project')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('meeting.projectSearch')}
            loading={projects.isFetching}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('meeting.decision.title')} rules={[{ required: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('meeting.decision.description')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="category" label={t('meeting.decision.category')} rules={[{ required: true }]}>
          <Select options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: label(PROBLEM_CATEGORY_LABELS[c]) }))} />
        </Form.Item>
        <Form.Item name="assignedUnitId" label={t('meeting.decision.unit')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="assigneeName" label={t('meeting.decision.person')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="complex" valuePropName="checked">
          <Checkbox>{t('meeting.decision.complex')}</Checkbox>
        </Form.Item>
        {complex && (
          <Form.Item name="agreedFinalDueOn" label={t('meeting.decision.agreedDue')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
