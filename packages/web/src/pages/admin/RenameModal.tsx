import { App, Form, Input, Modal } from 'antd';
import type { UserOutput } from '@keyprojects/core';
import { useUserMutations } from '../../api/admin.ts';
import { useT } from '../../i18n/useT.ts';
import { showFormError } from './formErrors.ts';

/** 改名 (system administrator): an account's display name. */
export function RenameModal({ user, onClose }: { user: UserOutput | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string }>();
  const { rename } = useUserMutations();
  const handleOk = async () => {
    if (!user) return;
    const values = await form.validateFields();
    try {
      await rename.mutateAsync({ id: user.id, displayName: values.displayName });
      void message.success(t('users.done'));
      onClose();
    } catch (error) {
      showFormError(form, error, message);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={t('users.editTitle')}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={rename.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ displayName: user?.displayName }}>
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
