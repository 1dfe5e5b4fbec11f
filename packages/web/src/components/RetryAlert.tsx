import { Alert, Button } from 'antd';
import { useT } from '../i18n/useT.ts';

/** A failed request's message with a button that asks again (lists, drawers and dashboards). */
export function RetryAlert({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      style={{ marginBottom: 12 }}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
