/**
 * The new/edit form of a three-batches round (三个一批): name, date, region (within the actor's scope) and note.
 * A round is a plan as much as a record, and the API takes any date, so the date is not capped at the app's day.
 * Field errors from the API (unknown or out-of-scope region, …) appear at their fields.
 */
import { App as AntApp, DatePicker, Form, Input, Modal, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BatchRoundItem } from '@keyprojects/core';
import { useBatchActions } from '../../api/events.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';
import { useSession } from '../../session/useSession.ts';
import { showFormError } from '../admin/formErrors.ts';

interface FormValues {
  name: string;
  heldOn: Dayjs;
  regionCode: string;
  note?: string;
}

export function BatchFormModal({
  round,
  open,
  onClose,
  onSaved,
}: {
  round?: BatchRoundItem;
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const t = useT();
  const { today, user } = useSession();
  const { message } = AntApp.useApp();
  const regions = useScopeRegions();
  const { save } = useBatchActions();
  const [form] = Form.useForm<FormValues>();
  const handleOk = async () => {
    const values = await form.validateFields();
    const body = { ...values, heldOn: values.heldOn.format('YYYY-MM-DD'), note: values.note || undefined };
    save.mutate(
      { ...(round ? { id: round.id } : {}), body },
      {
        onSuccess: (saved) => {
          void message.success(t('event.saved'));
          onSaved(saved.id);
        },
        onError: (error) => showFormError(form, error, message),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={round ? t('batch.edit') : t('batch.new')}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="batch-form"
        initialValues={
          round
            ? {
                name: round.name,
                heldOn: dayjs(round.heldOn),
                regionCode: round.regionCode,
                note: round.note ?? undefined,
              }
            : { heldOn: today ? dayjs(today) : undefined, regionCode: user?.regionCode ?? undefined }
        }
      >
        <Form.Item name="name" label={t('batch.field.name')} rules={[{ required: true, max: 200 }]}>
          <Input placeholder={t('batch.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('batch.field.heldOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('event.field.region')} rules={[{ required: true }]}>
          <TreeSelect treeDefaultExpandAll treeData={buildRegionTree(regions.data ?? [])} />
        </Form.Item>
        <Form.Item name="note" label={t('event.field.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
