import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/useT.ts';

/** Any path the app does not know. */
export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  const handleBack = () => void navigate('/projects');
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.pageNotFound')}
      extra={
        <Button type="primary" onClick={handleBack}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
