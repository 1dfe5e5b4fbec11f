/** A small stacked bar of one district's filing: confirmed, approved, filed, against what was expected. */
import type { FilingProgressRow } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

type Counts = Pick<FilingProgressRow, 'expected' | 'filed' | 'approved' | 'confirmed'>;

const pct = (n: number, of: number) => (of === 0 ? 0 : (100 * n) / of);

/** Confirmed (dark), approved but not confirmed (mid), filed but not approved (light), missing (grey). */
export function FilingBar({ counts }: { counts: Counts }) {
  const t = useT();
  const { expected, filed, approved, confirmed } = counts;
  const segments = [
    { key: 'confirmed', value: confirmed, color: '#237804' },
    { key: 'approved', value: approved - confirmed, color: '#52c41a' },
    { key: 'filed', value: filed - approved, color: '#91caff' },
  ];
  const label = t('desk.progress.bar', { filed, expected, approved, confirmed });
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      style={{
        display: 'flex',
        width: '100%',
        minWidth: 80,
        height: 10,
        borderRadius: 5,
        overflow: 'hidden',
        background: '#f0f0f0',
      }}
    >
      {segments.map((s) => (
        <span key={s.key} style={{ width: `${pct(s.value, expected)}%`, background: s.color }} />
      ))}
    </div>
  );
}
