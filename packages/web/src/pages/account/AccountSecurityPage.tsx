import { Alert, Card, Flex } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { MfaEnrolment } from './MfaEnrolment.tsx';

/** Account security: whether two-factor sign-in is on, and its enrolment when it is not. */
export default function AccountSecurityPage() {
  const t = useT();
  const { gates, refresh } = useSession();
  const enabled = gates?.mfaEnabled ?? false;
  return (
    <div className="kp-page">
      <PageHeader title={t('account.securityTitle')} sub={t('account.securitySub')} />
      <Card>
        <Flex vertical gap={16}>
          <Alert
            type={enabled ? 'success' : 'info'}
            showIcon
            title={enabled ? t('account.mfaOn') : t('account.mfaOff')}
            description={enabled ? t('account.mfaOnHint') : t('account.mfaOffHint')}
          />
          {!enabled && <MfaEnrolment onEnabled={refresh} />}
        </Flex>
      </Card>
    </div>
  );
}
