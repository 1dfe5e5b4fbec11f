/** The one input for a 万元 amount: typed as text (never a float), shown with thousands separators and its unit. */
import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { Input, type InputProps, type InputRef } from 'antd';
import { formatMoneyInput, parseMoneyInput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

type MoneyInputProps = Omit<InputProps, 'suffix' | 'inputMode' | 'value' | 'onChange'> & {
  /** The amount as the form holds it: 万元 text without separators ('1234567.89'). */
  value?: string | null;
  /** Called with the text without separators, every digit kept (core money.input.ts). */
  onChange?: (value: string) => void;
};

/**
 * A 万元 amount: the form's value is the plain text typed, the field shows it grouped (1,234,567.89), so the
 * amount reaches the contract exactly to the fen. Works as an antd Form.Item child (value / onChange).
 */
export function MoneyInput({ value, onChange, ...props }: MoneyInputProps) {
  const t = useT();
  const ref = useRef<InputRef>(null);
  // Separators come and go as the user types; the caret stays after the same digit, not at the end.
  const caretAfter = useRef<number | null>(null);
  const shown = formatMoneyInput(value);
  useLayoutEffect(() => {
    const input = ref.current?.input;
    const wanted = caretAfter.current;
    caretAfter.current = null;
    if (!input || wanted === null || document.activeElement !== input) return;
    let position = 0;
    for (let kept = 0; position < shown.length && kept < wanted; position += 1)
      if (parseMoneyInput(shown.charAt(position)) !== '') kept += 1;
    input.setSelectionRange(position, position);
  }, [shown]);
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const { value: typed, selectionStart } = event.target;
    caretAfter.current = parseMoneyInput(typed.slice(0, selectionStart ?? typed.length)).length;
    onChange?.(parseMoneyInput(typed));
  };
  return (
    <Input
      {...props}
      ref={ref}
      value={shown}
      onChange={handleChange}
      inputMode="decimal"
      suffix={<span style={{ color: '#8c8c8c' }}>{t('project.unit.wan')}</span>}
    />
  );
}
