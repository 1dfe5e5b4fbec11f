import { createContext } from 'react';
import type { Label, Locale } from '@keyprojects/core';
import type { Translate } from './translate.ts';

/** What the locale context offers: the locale, a way to change it, and translators bound to it. */
export interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  label: (label: Label) => string;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);
