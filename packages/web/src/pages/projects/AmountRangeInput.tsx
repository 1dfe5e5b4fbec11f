import { useState } from 'react';
import { Input, Space } from 'antd';
import { parseWan } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

interface AmountRangeInputProps {
  min?: string;
  max?: string;
  /** Called with the typed range when both ends are valid amounts (or empty) and one has changed. */
  onChange: (range: { minInvestment?: string; maxInvestment?: string }) => void;
}

function isAmount(text: string): boolean {
  if (!text.trim()) return true;
  const fen = parseWan(text);
  return fen !== null && fen >= 0n;
}

const hint = { color: '#8c8c8c' };

/**
 * Minimum and maximum total investment in 万元, applied on Enter or when the field is left.
 * It starts from `min`/`max`; give it a `key` derived from them so that it restarts when they change outside.
 */
export function AmountRangeInput({ min, max, onChange }: AmountRangeInputProps) {
  const t = useT();
  const [minText, setMinText] = useState(min ?? '');
  const [maxText, setMaxText] = useState(max ?? '');

  const handleApply = () => {
    if (!isAmount(minText) || !isAmount(maxText)) return;
    const nextMin = minText.trim() || undefined;
    const nextMax = maxText.trim() || undefined;
    if (nextMin !== min || nextMax !== max) onChange({ minInvestment: nextMin, maxInvestment: nextMax });
  };
  const status = (text: string) => (isAmount(text) ? undefined : 'error');
  const title = (text: string) => (isAmount(text) ? undefined : t('project.filter.badAmount'));

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={minText}
        onChange={(event) => setMinText(event.target.value)}
        onBlur={handleApply}
        onPressEnter={handleApply}
        status={status(minText)}
        title={title(minText)}
        inputMode="decimal"
        prefix={<span style={hint}>{t('project.filter.min')}</span>}
        aria-label={`${t('project.filter.investment')} ${t('project.filter.min')}`}
      />
      <Input
        value={maxText}
        onChange={(event) => setMaxText(event.target.value)}
        onBlur={handleApply}
        onPressEnter={handleApply}
        status={status(maxText)}
        title={title(maxText)}
        inputMode="decimal"
        prefix={<span style={hint}>{t('project.filter.max')}</span>}
        suffix={<span style={hint}>{t('project.unit.wan')}</span>}
        aria-label={`${t('project.filter.investment')} ${t('project.filter.max')}`}
      />
    </Space.Compact>
  );
}
