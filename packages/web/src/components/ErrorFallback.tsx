import { Button, Result } from 'antd';
import { useT } from '../i18n/useT.ts';

/** What the error boundary shows: the error and a reload button. */
export function ErrorFallback({ error, onReset }: { error: Error; onReset: () => void }) {
  const t = useT();
  const handleReload = () => {
    onReset();
    window.location.reload();
  };
  return (
    <Result
      status="error"
      title={t('error.render')}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={handleReload}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
