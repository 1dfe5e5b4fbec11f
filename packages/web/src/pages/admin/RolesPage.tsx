import { useState } from 'react';
import { message as messageOf, targetRefusal, type UserOutput } from '@keyprojects/core';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { AccountList } from './AccountList.tsx';
import { ActionLink } from './ActionLink.tsx';
import { RoleAssignModal } from './RoleAssignModal.tsx';

/** 角色分配 (security administrator): the accounts of its region, each with its role and scope to assign. */
export default function RolesPage() {
  const { t, locale } = useLocale();
  const { user: me, can } = useSession();
  const [assigning, setAssigning] = useState<UserOutput | null>(null);

  if (!can('user.assignRole') || !me) return <Forbidden />;

  const actions = (user: UserOutput) => {
    const refusal = targetRefusal(me, user);
    return (
      <ActionLink
        refusal={refusal ? messageOf(refusal, locale) : null}
        onClick={() => setAssigning(user)}
        testId={`assign-${user.username}`}
      >
        {t('users.assign')}
      </ActionLink>
    );
  };

  return (
    <div className="kp-page">
      <PageHeader title={t('roles.title')} sub={t('roles.sub')} />
      <AccountList actions={actions} />
      <RoleAssignModal user={assigning} onClose={() => setAssigning(null)} />
    </div>
  );
}
