import { Alert, Tooltip } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useEnvironment } from '../api/environment.ts';
import { useT } from '../i18n/useT.ts';

/**
 * A strip across the top of every page (the login page included) while the server runs the demo, so that its
 * simulated figures and published passwords are never taken for the city's real system.
 */
export function DemoBanner() {
  const t = useT();
  const environment = useEnvironment();
  if (!environment.data?.demo) return null;
  return (
    <Tooltip title={t('env.demoBannerHint')} placement="bottom">
      <Alert
        banner
        type="warning"
        icon={<ExperimentOutlined />}
        showIcon
        title={t('env.demoBanner')}
        role="status"
        data-testid="demo-banner"
        style={{ justifyContent: 'center', fontWeight: 500, padding: '4px 12px' }}
      />
    </Tooltip>
  );
}
