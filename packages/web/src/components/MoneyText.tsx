import { Typography } from 'antd';
import { parseWan } from '@keyprojects/core';
import { useT } from '../i18n/useT.ts';
import { formatMoney } from '../lib/format.ts';

/** A 万元 amount from the API with its unit, and its 亿元 value beside it when it reaches one 亿. */
export function MoneyText({ value, showYi = true }: { value: string | null | undefined; showYi?: boolean }) {
  const t = useT();
  const wanText = formatMoney(value, 'wan');
  if (!wanText) return <>{t('common.none')}</>;
  const fen = value ? parseWan(value) : null;
  const large = showYi && fen !== null && fen >= 10_000_000_000n;
  return (
    <span className="kp-money">
      {wanText} {t('project.unit.wan')}
      {large && (
        <Typography.Text type="secondary">
          {' '}
          （{formatMoney(value, 'yi')} {t('project.unit.yi')}）
        </Typography.Text>
      )}
    </span>
  );
}
