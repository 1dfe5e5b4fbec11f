import { Segmented } from 'antd';
import type { Locale } from '@keyprojects/core';
import { useLocale } from '../i18n/useT.ts';

const OPTIONS: { label: string; value: Locale }[] = [
  { label: '中文', value: 'zh' },
  { label: 'EN', value: 'en' },
];

/** Switches the UI language between Chinese and English. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  const handleChange = (value: Locale) => setLocale(value);
  return (
    <Segmented<Locale>
      size="small"
      options={OPTIONS}
      value={locale}
      onChange={handleChange}
      aria-label={t('header.language')}
      data-testid="language-switch"
    />
  );
}
