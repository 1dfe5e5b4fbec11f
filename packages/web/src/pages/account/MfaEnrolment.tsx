import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, QRCode, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { MfaEnrolment as Enrolment } from '@keyprojects/core';
import { confirmMfaEnrolment, startMfaEnrolment } from '../../api/auth.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';

/** Authenticator enrolment: the server's seed as a QR code (and as text), then one code to confirm it. */
export function MfaEnrolment({ onEnabled }: { onEnabled: () => Promise<void> | void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const handleStart = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setEnrolment(await startMfaEnrolment());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const handleConfirm = async ({ code }: { code: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await confirmMfaEnrolment(code.trim());
      await onEnabled();
    } catch (error) {
      const text = error instanceof ApiError ? error.fields.code : undefined;
      if (text) form.setFields([{ name: 'code', errors: [text] }]);
      else setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <Flex vertical gap={12} align="flex-start">
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void handleStart()}>
          {t('account.mfaStart')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text strong>{t('account.mfaStep1')}</Typography.Text>
      <Flex wrap gap={16} align="center">
        <QRCode value={enrolment.uri} size={176} bordered data-testid="mfa-qr" />
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Typography.Text type="secondary">{t('account.mfaManual')}</Typography.Text>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="mfa-secret">
            {enrolment.secret}
          </Typography.Text>
        </Flex>
      </Flex>
      <Typography.Text strong>{t('account.mfaStep2')}</Typography.Text>
      <Form form={form} layout="inline" onFinish={(values) => void handleConfirm(values)} requiredMark={false}>
        <Form.Item
          name="code"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('account.mfaCodeRequired') }]}
          style={{ marginBottom: 8 }}
        >
          <Input
            aria-label={t('account.mfaCode')}
            placeholder="000000"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ width: 140, letterSpacing: 4 }}
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('account.mfaConfirm')}
          </Button>
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
    </Flex>
  );
}
