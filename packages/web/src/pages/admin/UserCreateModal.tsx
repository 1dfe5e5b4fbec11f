import { App, Form, Input, Modal } from 'antd';
import type { Role, UserCreateInput } from '@keyprojects/core';
import { useUserMutations } from '../../api/admin.ts';
import { useT } from '../../i18n/useT.ts';
import { showFormError } from './formErrors.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { ScopeFields } from './ScopeFields.tsx';

interface UserCreateModalProps {
  open: boolean;
  onClose: () => void;
  /** Called with the new account's name and one-time password. */
  onCreated: (shown: { name: string; password: string }) => void;
}

/** 新建用户 (system administrator): name, role up to district staff, county and organisation. */
export function UserCreateModal({ open, onClose, onCreated }: UserCreateModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserCreateInput>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const { create } = useUserMutations();
  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      const result = await create.mutateAsync({
        ...values,
        regionCode: values.regionCode ?? null,
        organizationId: values.organizationId ?? null,
      });
      form.resetFields();
      onCreated({ name: values.displayName, password: result.password });
    } catch (error) {
      showFormError(form, error, message);
    }
  };
  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void handleOk()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} data-testid="user-create-form">
        <Form.Item name="username" label={t('users.field.username')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.field.role')} rules={[{ required: true }]}>
          <RoleSelect actorRole="system_admin" />
        </Form.Item>
        <ScopeFields role={role} countyOnly />
      </Form>
    </Modal>
  );
}
