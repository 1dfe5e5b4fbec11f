import { App as AntApp, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { GROUNDBREAKING_LEVELS, type EventItem, type GroundbreakingLevelCode } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { useEventActions } from '../../api/events.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';
import { useSession } from '../../session/useSession.ts';

interface FormValues {
  name: string;
  heldOn: Dayjs;
  level: GroundbreakingLevelCode;
  place?: string;
  regionCode: string;
  note?: string;
}

/** The new/edit form of an event (recorded once held: no date after the application's). */
export function EventFormModal({
  event,
  open,
  onClose,
  onSaved,
}: {
  event?: EventItem;
  open: boolean;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const t = useT();
  const { today, user } = useSession();
  const { message } = AntApp.useApp();
  const regions = useScopeRegions();
  const { save } = useEventActions();
  const [form] = Form.useForm<FormValues>();
  const handleOk = async () => {
    const values = await form.validateFields();
    const body = { ...values, heldOn: values.heldOn.format('YYYY-MM-DD') };
    save.mutate(
      { ...(event ? { id: event.id } : {}), body },
      {
        onSuccess: (saved) => {
          void message.success(t('event.saved'));
          onSaved(saved.id);
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={event ? t('event.edit') : t('event.new')}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          event
            ? { ...event, heldOn: dayjs(event.heldOn), place: event.place ?? undefined, note: event.note ?? undefined }
            : { level: 'city', heldOn: today ? dayjs(today) : undefined, regionCode: user?.regionCode ?? undefined }
        }
      >
        <Form.Item name="name" label={t('event.field.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label={t('event.field.heldOn')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => (today ? day.isAfter(dayjs(today), 'day') : false)}
          />
        </Form.Item>
        <Form.Item name="level" label={t('event.field.level')} rules={[{ required: true }]}>
          <Select options={GROUNDBREAKING_LEVELS.map((value) => ({ value, label: t(`event.level.${value}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('event.field.region')} rules={[{ required: true }]}>
          <TreeSelect treeDefaultExpandAll treeData={buildRegionTree(regions.data ?? [])} />
        </Form.Item>
        <Form.Item name="place" label={t('event.field.place')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('event.field.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
