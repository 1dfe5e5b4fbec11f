import { Result } from 'antd';
import { useT } from '../i18n/useT.ts';

/** Shown instead of a page the user's role may not open. */
export function Forbidden() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('form.forbidden')} />;
}
