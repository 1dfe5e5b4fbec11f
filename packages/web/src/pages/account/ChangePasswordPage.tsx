import { Card } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Changing one's own password, reached from the user menu in the header. */
export default function ChangePasswordPage() {
  const t = useT();
  const { refresh } = useSession();
  return (
    <div className="kp-page">
      <PageHeader title={t('account.passwordTitle')} sub={t('account.passwordSub')} />
      <Card>
        <ChangePasswordForm onChanged={refresh} />
      </Card>
    </div>
  );
}
