import { useState } from 'react';
import { App, Button, Flex, Grid } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { isAboveDistrictStaff, message as messageOf, targetRefusal, type UserOutput } from '@keyprojects/core';
import { useUserMutations, type AccountAction } from '../../api/admin.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { AccountList } from './AccountList.tsx';
import { ActionLink } from './ActionLink.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { RenameModal } from './RenameModal.tsx';
import { UserCreateModal } from './UserCreateModal.tsx';

/** 用户管理 (system administrator): the accounts of its region; open, rename, disable/enable, unlock, reset. */
export default function UsersPage() {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const { user: me, can } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const { act, reset } = useUserMutations();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<UserOutput | null>(null);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);

  if (!can('user.manage') || !me) return <Forbidden />;

  const reason = (key: Parameters<typeof messageOf>[0] | null) => (key ? messageOf(key, locale) : null);
  const handleAct = (user: UserOutput, action: AccountAction) =>
    act.mutate(
      { id: user.id, action },
      {
        onSuccess: () => void message.success(t('users.done')),
        onError: (error) => void message.error(error.message),
      },
    );
  const handleReset = (user: UserOutput) =>
    reset.mutate(user.id, {
      onSuccess: (result) => setShown({ name: user.displayName, password: result.password }),
      onError: (error) => void message.error(error.message),
    });

  const actions = (user: UserOutput) => {
    const refusal = reason(targetRefusal(me, user));
    return (
      <Flex wrap gap={0} vertical={compact} align={compact ? 'start' : undefined}>
        <ActionLink refusal={refusal} onClick={() => setRenaming(user)} testId={`rename-${user.username}`}>
          {t('users.edit')}
        </ActionLink>
        {user.disabled ? (
          <ActionLink refusal={refusal} onClick={() => handleAct(user, 'enable')} testId={`enable-${user.username}`}>
            {t('users.enable')}
          </ActionLink>
        ) : (
          <ActionLink
            refusal={refusal}
            danger
            confirm={t('users.disableConfirm', { name: user.displayName })}
            onClick={() => handleAct(user, 'disable')}
            testId={`disable-${user.username}`}
          >
            {t('users.disable')}
          </ActionLink>
        )}
        {user.locked && (
          <ActionLink onClick={() => handleAct(user, 'unlock')} testId={`unlock-${user.username}`}>
            {t('users.unlock')}
          </ActionLink>
        )}
        <ActionLink
          refusal={refusal ?? (isAboveDistrictStaff(user.role) ? reason('admin.resetAboveDistrict') : null)}
          confirm={t('users.resetConfirm', { name: user.displayName })}
          onClick={() => handleReset(user)}
          testId={`reset-${user.username}`}
        >
          {t('users.reset')}
        </ActionLink>
      </Flex>
    );
  };

  return (
    <div className="kp-page">
      <PageHeader
        title={t('users.title')}
        sub={t('users.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
            {t('users.new')}
          </Button>
        }
      />
      <AccountList actions={actions} />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setShown(result);
        }}
      />
      <RenameModal user={renaming} onClose={() => setRenaming(null)} />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}
