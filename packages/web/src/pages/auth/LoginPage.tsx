import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { DemoAccount, LoginBody } from '@keyprojects/core';
import { fetchDemoAccounts } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { useEnvironment } from '../../api/environment.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { CodeStepForm } from './CodeStepForm.tsx';
import { DemoAccountsTable } from './DemoAccountsTable.tsx';

type LoginValues = LoginBody;

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** Sign-in form (and its code step for an account with an authenticator), with the demo accounts in demo mode. */
export default function LoginPage() {
  const { t, locale } = useLocale();
  // The configured city (server CITY_CODE) heads the page; without one, the product's name alone.
  const city = useEnvironment().data?.city;
  const cityName = city ? (locale === 'en' ? (city.nameEn ?? city.name) : city.name) : null;
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const demo = useQuery({
    queryKey: ['auth', 'demo-accounts'],
    queryFn: fetchDemoAccounts,
    staleTime: Infinity,
    retry: false,
    meta: { silentError: true },
  });
  const next = safeNext(searchParams.get('next'));

  if (user) return <Navigate to={next} replace />;

  const handleFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const outcome = await login(values.username.trim(), values.password);
      if (outcome.kind === 'code') {
        setChallenge(outcome.challenge);
        setSubmitting(false);
        return;
      }
      await navigate(next, { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
      setSubmitting(false);
    }
  };

  const handlePick = (account: DemoAccount) => {
    form.setFieldsValue({ username: account.username, password: account.password });
    setFailure(null);
  };

  const accounts = demo.data ?? [];

  return (
    <div style={{ minHeight: '100%', background: 'linear-gradient(160deg, #0b2a5b 0%, #1d4ed8 55%, #f3f5f8 55.1%)' }}>
      <Flex justify="flex-end" style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" gap={16} style={{ padding: '0 12px 32px' }}>
        <Flex vertical align="center" gap={4} style={{ textAlign: 'center', color: '#fff', margin: '8px 0 4px' }}>
          <img src="/favicon.svg" alt="" width={44} height={44} style={{ marginBottom: 8 }} />
          <Typography.Title level={3} style={{ color: '#fff', margin: 0, fontSize: 'clamp(18px, 5.2vw, 26px)' }}>
            {cityName ? t('app.cityTitle', { city: cityName }) : t('app.title')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }} data-testid="login-org">
            {cityName ? t('app.cityOrg', { city: cityName }) : t('app.org')}
          </Typography.Text>
        </Flex>
        <Flex wrap justify="center" align="flex-start" gap={16} style={{ width: '100%' }}>
          <Card
            style={{ width: '100%', maxWidth: 400, flex: '1 1 320px' }}
            title={challenge ? t('login.codeHeading') : t('login.heading')}
          >
            {challenge ? (
              <CodeStepForm
                challenge={challenge}
                onSignedIn={async () => {
                  await navigate(next, { replace: true });
                }}
                onBack={() => setChallenge(null)}
              />
            ) : (
              <Form<LoginValues>
                form={form}
                layout="vertical"
                onFinish={(values) => void handleFinish(values)}
                requiredMark={false}
              >
                <Form.Item
                  label={t('login.username')}
                  name="username"
                  rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
                >
                  <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
                </Form.Item>
                <Form.Item
                  label={t('login.password')}
                  name="password"
                  rules={[{ required: true, message: t('login.passwordRequired') }]}
                >
                  <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
                </Form.Item>
                {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
                <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
                  {t('login.submit')}
                </Button>
              </Form>
            )}
          </Card>
          {accounts.length > 0 && (
            <Card style={{ width: '100%', maxWidth: 680, flex: '1 1 360px' }} title={t('login.demoTitle')} size="small">
              <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                {t('login.demoHint')}
              </Typography.Paragraph>
              <DemoAccountsTable accounts={accounts} onPick={handlePick} />
            </Card>
          )}
        </Flex>
      </Flex>
    </div>
  );
}
