import { Button, Card, Flex, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { BrandTitle } from '../../components/BrandTitle.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useT } from '../../i18n/useT.ts';
import type { SessionGates } from '../../session/SessionContext.ts';
import { useSession } from '../../session/useSession.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { MfaEnrolment } from './MfaEnrolment.tsx';

/**
 * What a session must do before anything else, on a page of its own (the server refuses every other
 * request until then): change the password, or enrol an authenticator.
 */
export default function ForcedAccountStep({ gates }: { gates: SessionGates }) {
  const t = useT();
  const { user, refresh, logout } = useSession();
  const navigate = useNavigate();
  const password = gates.passwordChangeRequired;

  const handleLogout = async () => {
    await logout();
    await navigate('/login', { replace: true });
  };

  return (
    <div style={{ minHeight: '100%', background: '#f3f5f8' }}>
      <Flex
        justify="space-between"
        align="center"
        gap={8}
        style={{ padding: '12px 16px', background: '#fff', borderBottom: '1px solid #e8ebf0' }}
      >
        <BrandTitle short />
        <Flex gap={8} align="center">
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} onClick={() => void handleLogout()}>
            {t('account.signOut')}
          </Button>
        </Flex>
      </Flex>
      <Flex justify="center" style={{ padding: '24px 12px' }}>
        <Card
          style={{ width: '100%', maxWidth: 560 }}
          title={password ? t('account.forcedPasswordTitle') : t('account.forcedMfaTitle')}
        >
          <Typography.Paragraph type="secondary">
            {user?.displayName}（{user?.username}）
          </Typography.Paragraph>
          <Typography.Paragraph>
            {password ? t('account.forcedPasswordFirst') : t('account.forcedMfaHint')}
          </Typography.Paragraph>
          {password ? <ChangePasswordForm onChanged={refresh} /> : <MfaEnrolment onEnabled={refresh} />}
        </Card>
      </Flex>
    </div>
  );
}
