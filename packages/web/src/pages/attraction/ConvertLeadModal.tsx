/**
 * The conversion of a signed lead into a key project: only what the lead does not know is asked (the project code,
 * the owner picked or registered, levels, category, nature, planned dates, content); name, region, industry, total
 * investment and responsible unit are carried over by the server. Field errors from the API appear at their fields.
 */
import { useState } from 'react';
import { App as AntApp, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  PROJECT_FIELD_LABELS,
  type CodeItem,
  type LeadOutput,
  type ProjectCategory,
  type ProjectLevel,
  type ProjectNature,
} from '@keyprojects/core';
import { useLeadActions } from '../../api/attraction.ts';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { showFormError } from '../admin/formErrors.ts';
import { OwnerSelect } from '../projects/OwnerSelect.tsx';

interface FormValues {
  code: string;
  ownerOrgId?: number;
  newOwnerName?: string;
  newOwnerCreditCode?: string;
  levels: ProjectLevel[];
  category: ProjectCategory;
  nature: ProjectNature;
  plannedStartDate?: Dayjs;
  plannedCompletionDate?: Dayjs;
  constructionContent?: string;
}

export function ConvertLeadModal({ lead, onClose }: { lead: LeadOutput | undefined; onClose: () => void }) {
  const { t, label, locale } = useLocale();
  const { codelists } = useCodelists();
  const { message } = AntApp.useApp();
  const { convert } = useLeadActions();
  const [form] = Form.useForm<FormValues>();
  const [ownerMode, setOwnerMode] = useState<'pick' | 'new'>('pick');
  const options = (items: readonly CodeItem[]) => items.map((item) => ({ value: item.code, label: item[locale] }));
  const required = { required: true, message: t('form.required') };
  const handleOk = async () => {
    if (!lead) return;
    const values = await form.validateFields();
    const day = (value: Dayjs | undefined) => (value ? value.format('YYYY-MM-DD') : null);
    const body = {
      code: values.code,
      ...(ownerMode === 'pick'
        ? { ownerOrgId: values.ownerOrgId ?? null }
        : { newOwnerName: values.newOwnerName ?? null, newOwnerCreditCode: values.newOwnerCreditCode || null }),
      levels: values.levels,
      category: values.category,
      nature: values.nature,
      plannedStartDate: day(values.plannedStartDate),
      plannedCompletionDate: day(values.plannedCompletionDate),
      constructionContent: values.constructionContent || null,
    };
    convert.mutate(
      { lead, body },
      {
        onSuccess: () => {
          void message.success(t('attraction.converted'));
          onClose();
        },
        onError: (error) => showFormError(form, error, message),
      },
    );
  };
  return (
    <Modal
      open={lead !== undefined}
      title={lead ? t('attraction.convertTitle', { name: lead.projectName }) : ''}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={convert.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('attraction.convertHint', { amount: lead?.amount ?? '' })}
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="convert-form"
        initialValues={{ levels: ['municipal'], category: 'industry', nature: 'new' }}
      >
        <Form.Item name="code" label={label(PROJECT_FIELD_LABELS.code)} rules={[required]} extra={t('form.codeHint')}>
          <Input />
        </Form.Item>
        <Form.Item label={t('attraction.ownerMode')}>
          <Radio.Group
            value={ownerMode}
            onChange={(event) => setOwnerMode(event.target.value as 'pick' | 'new')}
            options={[
              { value: 'pick', label: t('attraction.ownerPick') },
              { value: 'new', label: t('attraction.ownerNew') },
            ]}
          />
        </Form.Item>
        {ownerMode === 'pick' ? (
          <Form.Item name="ownerOrgId" label={label(PROJECT_FIELD_LABELS.ownerOrgId)} rules={[required]}>
            <OwnerSelect />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="newOwnerName" label={t('attraction.newOwnerName')} rules={[required]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="newOwnerCreditCode" label={t('attraction.newOwnerCreditCode')}>
              <Input maxLength={18} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="levels"
          label={label(PROJECT_FIELD_LABELS.levels)}
          rules={[{ ...required, type: 'array', min: 1 }]}
        >
          <Checkbox.Group options={options(codelists.levels)} />
        </Form.Item>
        <Form.Item name="category" label={label(PROJECT_FIELD_LABELS.category)} rules={[required]}>
          <Select options={options(codelists.categories)} />
        </Form.Item>
        <Form.Item name="nature" label={label(PROJECT_FIELD_LABELS.nature)} rules={[required]}>
          <Select options={options(codelists.natures)} />
        </Form.Item>
        <Form.Item name="plannedStartDate" label={label(PROJECT_FIELD_LABELS.plannedStartDate)}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plannedCompletionDate" label={label(PROJECT_FIELD_LABELS.plannedCompletionDate)}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="constructionContent" label={label(PROJECT_FIELD_LABELS.constructionContent)}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
