import { App, Button, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/useT.ts';

/** Shows a one-time password once, after an account was created or its password reset. */
export function OneTimePasswordModal({
  shown,
  onClose,
}: {
  shown: { name: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const handleCopy = () => {
    if (!shown) return;
    void navigator.clipboard
      .writeText(shown.password)
      .then(() => message.success(t('users.copied')))
      .catch(() => undefined);
  };
  return (
    <Modal
      open={shown !== null}
      title={t('users.passwordTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.close')}
        </Button>
      }
    >
      {shown && (
        <>
          <Typography.Paragraph>{t('users.passwordOnce', { name: shown.name })}</Typography.Paragraph>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            <Typography.Text code style={{ fontSize: 22, letterSpacing: 1 }} data-testid="one-time-password">
              {shown.password}
            </Typography.Text>{' '}
            <Button icon={<CopyOutlined />} onClick={handleCopy} aria-label={t('users.copy')} />
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
