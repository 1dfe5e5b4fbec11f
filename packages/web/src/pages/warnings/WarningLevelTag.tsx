import { Tag } from 'antd';
import type { WarningLevel } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** A warning's level as a red or gold tag. */
export function WarningLevelTag({ level }: { level: WarningLevel }) {
  const t = useT();
  return (
    <Tag color={level === 'red' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
      {t(level === 'red' ? 'warning.level.red' : 'warning.level.yellow')}
    </Tag>
  );
}
