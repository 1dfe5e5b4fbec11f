import { Tooltip, Typography } from 'antd';
import { useT } from '../../i18n/useT.ts';

/** The arrow text of a movement (places moved since the last period, positive up): ↑2, ↓1, — or "new" as ·. */
export function movementText(movement: number | null): string {
  if (movement === null) return '·';
  if (movement > 0) return `↑${String(movement)}`;
  if (movement < 0) return `↓${String(-movement)}`;
  return '—';
}

/** A unit's movement since the last period: green up, red down, grey unchanged, with the words in a tooltip. */
export function MovementTag({ movement }: { movement: number | null }) {
  const t = useT();
  const words =
    movement === null
      ? t('ranking.movement.new')
      : movement > 0
        ? t('ranking.movement.up', { n: movement })
        : movement < 0
          ? t('ranking.movement.down', { n: -movement })
          : t('ranking.movement.same');
  const type = movement === null || movement === 0 ? 'secondary' : movement > 0 ? 'success' : 'danger';
  return (
    <Tooltip title={words}>
      <Typography.Text
        type={type}
        strong={movement !== null && movement !== 0}
        aria-label={words}
        className="kp-nowrap"
      >
        {movementText(movement)}
      </Typography.Text>
    </Tooltip>
  );
}
