import { Typography } from 'antd';
import { CaretDownFilled, CaretUpFilled } from '@ant-design/icons';
import { useT } from '../../i18n/useT.ts';

/** Up is red and down is green, as Chinese statistical reports and markets show them. */
export const UP_COLOR = '#d4380d';
export const DOWN_COLOR = '#389e0d';

/** One year-on-year difference: an arrow in the direction of the change and its size (“持平” when none). */
export function YoyDelta({ sign, text }: { sign: -1 | 0 | 1; text: string }) {
  const t = useT();
  if (sign === 0) {
    return <Typography.Text type="secondary">{t('dashboard.yoyFlat')}</Typography.Text>;
  }
  const color = sign > 0 ? UP_COLOR : DOWN_COLOR;
  return (
    <span className="kp-nowrap" style={{ color }} data-sign={sign}>
      {sign > 0 ? <CaretUpFilled /> : <CaretDownFilled />}
      {text}
    </span>
  );
}
