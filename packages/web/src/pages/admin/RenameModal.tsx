import { App, Form, Input } from 'antd';
import type { UserOutput, UserUpdateInput } from '@keyprojects/core';
import { useUserMutations } from '../../api/admin.ts';
import { useT } from '../../i18n/useT.ts';
import { AccountFormModal } from './AccountFormModal.tsx';

/** 改名 (system administrator): an account's display name. */
export function RenameModal({ user, onClose }: { user: UserOutput | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserUpdateInput>();
  const { rename } = useUserMutations();
  const handleSubmit = async (values: UserUpdateInput) => {
    if (!user) return;
    await rename.mutateAsync({ id: user.id, displayName: values.displayName });
    void message.success(t('users.done'));
    onClose();
  };
  return (
    <AccountFormModal
      open={user !== null}
      title={t('users.editTitle')}
      form={form}
      pending={rename.isPending}
      onClose={onClose}
      onSubmit={handleSubmit}
      initialValues={{ displayName: user?.displayName }}
    >
      <Form.Item name="displayName" label={t('users.field.displayName')} rules={[{ required: true, max: 50 }]}>
        <Input />
      </Form.Item>
    </AccountFormModal>
  );
}
