import { App, Form } from 'antd';
import type { Role, RoleChangeInput, UserOutput } from '@keyprojects/core';
import { useUserMutations } from '../../api/admin.ts';
import { useT } from '../../i18n/useT.ts';
import { AccountFormModal } from './AccountFormModal.tsx';
import { RoleSelect } from './RoleSelect.tsx';
import { ScopeFields } from './ScopeFields.tsx';

/** 分配角色 (security administrator): the role and the scope that goes with it, inside its region. */
export function RoleAssignModal({ user, onClose }: { user: UserOutput | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleChangeInput>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const { assign } = useUserMutations();
  const handleSubmit = async (values: RoleChangeInput) => {
    if (!user) return;
    await assign.mutateAsync({
      id: user.id,
      body: {
        role: values.role,
        regionCode: values.regionCode ?? null,
        organizationId: values.organizationId ?? null,
      },
    });
    void message.success(t('users.done'));
    onClose();
  };
  return (
    <AccountFormModal
      open={user !== null}
      title={user ? t('users.assignTitle', { name: user.displayName }) : ''}
      form={form}
      pending={assign.isPending}
      onClose={onClose}
      onSubmit={handleSubmit}
      testId="role-assign-form"
      initialValues={{
        role: user?.role,
        regionCode: user?.regionCode ?? undefined,
        organizationId: user?.organizationId ?? undefined,
      }}
    >
      <Form.Item name="role" label={t('users.field.role')} rules={[{ required: true }]}>
        <RoleSelect actorRole="security_admin" />
      </Form.Item>
      <ScopeFields role={role} countyOnly={false} />
    </AccountFormModal>
  );
}
