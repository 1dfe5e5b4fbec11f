import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { FINANCING_INSTRUMENTS, FINANCING_INSTRUMENT_LABELS, type FinancingNeedInputJson } from '@keyprojects/core';
import { useFinancingActions } from '../../api/financing.ts';
import { useProjectList } from '../../api/projects.ts';
import { useLocale } from '../../i18n/useT.ts';

/** 申报融资需求: a need for one of the projects the user sees. */
export function DeclareNeedButton() {
  const { t, label } = useLocale();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FinancingNeedInputJson>();
  const projects = useProjectList({ page: 1, pageSize: 200 });
  const { declare } = useFinancingActions();
  const handleOk = async () => {
    const values = await form.validateFields();
    await declare.mutateAsync(values);
    setOpen(false);
    form.resetFields();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('financing.declare')}</Button>
      <Modal
        open={open}
        title={t('financing.declare')}
        onOk={() => void handleOk()}
        onCancel={() => setOpen(false)}
        confirmLoading={declare.isPending}
        okText={t('financing.save')}
      >
        <Form form={form} layout="vertical" initialValues={{ instrument: 'loan', termMonths: 36 }}>
          <Form.Item name="projectId" label={t('financing.project')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('financing.amount')} rules={[{ required: true }]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="instrument" label={t('financing.instrument')}>
            <Select
              options={FINANCING_INSTRUMENTS.map((i) => ({ value: i, label: label(FINANCING_INSTRUMENT_LABELS[i]) }))}
            />
          </Form.Item>
          <Form.Item name="termMonths" label={t('financing.term')}>
            <InputNumber min={1} max={600} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="purpose" label={t('financing.purpose')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
          <Form.Item name="collateral" label={t('financing.collateral')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
