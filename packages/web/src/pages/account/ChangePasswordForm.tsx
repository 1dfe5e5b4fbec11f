import { useState } from 'react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import type { ChangePasswordBody } from '@keyprojects/core';
import { changePassword } from '../../api/auth.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';

/** The contract's body and the repeated new password, which only the form checks. */
type PasswordValues = ChangePasswordBody & { confirmPassword: string };

const FIELDS = new Set(['currentPassword', 'newPassword']);

/** The change-password form: the server's field messages (wrong current, common, contains the username) land on their fields. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const handleFinish = async (values: PasswordValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void message.success(t('account.passwordChanged'));
      form.resetFields();
      await onChanged();
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fields).filter(([name]) => FIELDS.has(name)) : [];
      if (fields.length > 0)
        form.setFields(fields.map(([name, text]) => ({ name: name as keyof PasswordValues, errors: [text] })));
      else setFailure(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  const required = { required: true, message: t('account.passwordRequired') };
  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void handleFinish(values)}
      style={{ maxWidth: 420 }}
    >
      <Form.Item label={t('account.currentPassword')} name="currentPassword" rules={[required]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('account.newPassword')}
        name="newPassword"
        rules={[required]}
        extra={<Typography.Text type="secondary">{t('account.passwordRules')}</Typography.Text>}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('account.confirmPassword')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('account.passwordSubmit')}
      </Button>
    </Form>
  );
}
