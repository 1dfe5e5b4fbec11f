/**
 * The new/edit form of a lead: investor, project name, industry, amount (万元, MoneyInput), source, district (within
 * the actor's scope), responsible person and unit, note. Field errors from the API appear at their fields.
 */
import { App as AntApp, Form, Input, Modal, Select, TreeSelect } from 'antd';
import {
  INDUSTRY_SECTIONS,
  INDUSTRY_SECTION_LABELS,
  LEAD_SOURCES,
  LEAD_SOURCE_LABELS,
  type LeadInputJson,
  type LeadOutput,
} from '@keyprojects/core';
import { useLeadActions } from '../../api/attraction.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';
import { useSession } from '../../session/useSession.ts';
import { showFormError } from '../admin/formErrors.ts';
import { MoneyInput } from '../projects/MoneyInput.tsx';

interface LeadFormModalProps {
  /** The lead to edit; a new one when absent. */
  lead?: LeadOutput | undefined;
  open: boolean;
  onClose: () => void;
}

export function LeadFormModal({ lead, open, onClose }: LeadFormModalProps) {
  const { t, locale } = useLocale();
  const { user } = useSession();
  const { message } = AntApp.useApp();
  const regions = useScopeRegions();
  const { save } = useLeadActions();
  const [form] = Form.useForm<LeadInputJson>();
  const handleOk = async () => {
    const values = await form.validateFields();
    save.mutate(
      { ...(lead ? { lead } : {}), body: { ...values, note: values.note || null, industry: values.industry ?? null } },
      {
        onSuccess: () => {
          void message.success(t('attraction.saved'));
          onClose();
        },
        onError: (error) => showFormError(form, error, message),
      },
    );
  };
  const field = (name: keyof LeadInputJson) => t(`attraction.field.${name}` as 'attraction.field.investor');
  return (
    <Modal
      open={open}
      title={lead ? t('attraction.edit') : t('attraction.new')}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<LeadInputJson>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="lead-form"
        initialValues={
          lead
            ? {
                investor: lead.investor,
                projectName: lead.projectName,
                industry: lead.industry,
                amount: lead.amount,
                source: lead.source,
                regionCode: lead.regionCode,
                responsiblePerson: lead.responsiblePerson,
                responsibleUnit: lead.responsibleUnit,
                note: lead.note,
              }
            : { regionCode: user?.regionCode ?? undefined, source: 'enterprise_referral' }
        }
      >
        <Form.Item name="investor" label={field('investor')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="projectName" label={field('projectName')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="amount" label={field('amount')} rules={[{ required: true }]}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="industry" label={field('industry')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={INDUSTRY_SECTIONS.map((code) => ({ value: code, label: INDUSTRY_SECTION_LABELS[code][locale] }))}
          />
        </Form.Item>
        <Form.Item name="source" label={field('source')} rules={[{ required: true }]}>
          <Select options={LEAD_SOURCES.map((code) => ({ value: code, label: LEAD_SOURCE_LABELS[code][locale] }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('attraction.field.region')} rules={[{ required: true }]}>
          <TreeSelect treeDefaultExpandAll treeData={buildRegionTree(regions.data ?? [])} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={field('responsiblePerson')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="responsibleUnit" label={field('responsibleUnit')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={field('note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
