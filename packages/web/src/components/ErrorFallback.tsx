import { Button, Flex, Typography } from 'antd';
import { CloseCircleFilled } from '@ant-design/icons';
import { useT } from '../i18n/useT.ts';

/**
 * What the error boundary shows: the error and a reload button. Laid out by hand like antd's Result (whose
 * illustrations would weigh on every first page) and loaded with the first script, since a failed chunk is one
 * of the errors it shows.
 */
export function ErrorFallback({ error, onReset }: { error: Error; onReset: () => void }) {
  const t = useT();
  const handleReload = () => {
    onReset();
    window.location.reload();
  };
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '48px 32px', textAlign: 'center' }} role="alert">
      <CloseCircleFilled style={{ fontSize: 72, color: '#ff4d4f' }} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('error.render')}
      </Typography.Title>
      <Typography.Text type="secondary">{error.message}</Typography.Text>
      <Button type="primary" onClick={handleReload}>
        {t('common.retry')}
      </Button>
    </Flex>
  );
}
