import { Input, type InputProps } from 'antd';
import { useT } from '../../i18n/useT.ts';

/** A 万元 amount typed as text (never a float), with the unit shown. */
export function MoneyInput(props: Omit<InputProps, 'suffix' | 'inputMode'>) {
  const t = useT();
  return (
    <Input {...props} inputMode="decimal" suffix={<span style={{ color: '#8c8c8c' }}>{t('project.unit.wan')}</span>} />
  );
}
