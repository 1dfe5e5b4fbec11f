import { Typography } from 'antd';
import { useT } from '../i18n/useT.ts';

/** The emblem and product name, full or short. */
export function BrandTitle({
  short = false,
  dark = false,
  hideEmblem = false,
}: {
  short?: boolean;
  dark?: boolean;
  hideEmblem?: boolean;
}) {
  const t = useT();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
      {!hideEmblem && <img src="/favicon.svg" alt="" width={24} height={24} style={{ flex: 'none' }} />}
      <Typography.Text
        strong
        ellipsis
        style={{ color: dark ? '#fff' : undefined, fontSize: short ? 15 : 16, lineHeight: '24px' }}
      >
        {short ? t('app.shortTitle') : t('app.title')}
      </Typography.Text>
    </span>
  );
}
