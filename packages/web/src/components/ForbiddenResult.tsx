import { Result } from 'antd';
import { useT } from '../i18n/useT.ts';

/** The 403 page itself: its own chunk, as Result carries illustrations no permitted visit needs. */
export default function ForbiddenResult() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('form.forbidden')} />;
}
