import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

/** The second sign-in step: the authenticator's code for the challenge the password step returned. */
export function CodeStepForm({
  challenge,
  onSignedIn,
  onBack,
}: {
  challenge: string;
  onSignedIn: () => Promise<void>;
  onBack: () => void;
}) {
  const t = useT();
  const { loginWithCode } = useSession();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const handleFinish = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await loginWithCode(challenge, code.trim());
      await onSignedIn();
    } catch (error) {
      setFailure(errorMessage(error));
      setSubmitting(false);
    }
  };

  return (
    <Form<{ code: string }> layout="vertical" onFinish={(values) => void handleFinish(values)} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('login.codeHint')}</Typography.Paragraph>
      <Form.Item
        label={t('account.mfaCode')}
        name="code"
        rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('account.mfaCodeRequired') }]}
      >
        <Input
          prefix={<SafetyCertificateOutlined />}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          size="large"
          style={{ letterSpacing: 4 }}
        />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
        {t('login.codeSubmit')}
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('login.codeBack')}
      </Button>
    </Form>
  );
}
