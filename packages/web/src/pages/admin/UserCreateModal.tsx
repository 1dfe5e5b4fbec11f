import { Form, Input } from 'antd';
import type { Role, UserCreateInput } from '@keyprojects/core';
import { useUserMutations } from '../../api/admin.ts';
import { useT } from '../../i18n/useT.ts';
import { AccountFormModal } from './AccountFormModal.tsx';
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
  const [form] = Form.useForm<UserCreateInput>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const { create } = useUserMutations();
  const handleSubmit = async (values: UserCreateInput) => {
    const result = await create.mutateAsync({
      ...values,
      regionCode: values.regionCode ?? null,
      organizationId: values.organizationId ?? null,
    });
    form.resetFields();
    onCreated({ name: values.displayName, password: result.password });
  };
  return (
    <AccountFormModal
      open={open}
      title={t('users.createTitle')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onSubmit={handleSubmit}
      testId="user-create-form"
    >
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
    </AccountFormModal>
  );
}
