import type { Label, Locale } from '@keyprojects/core';
import { zh, type MessageId } from './zh.ts';

export type { MessageId };
export type TranslateVars = Record<string, string | number>;
/** A bound translator: message id (and values for its `{placeholders}`) to text. */
export type Translate = (id: MessageId, vars?: TranslateVars) => string;

// Chinese comes with the first script; English (as big again) is fetched only for those who choose it.
const CATALOGUES: Partial<Record<Locale, Record<MessageId, string>>> = { zh };
const STORAGE_KEY = 'kp.locale';

/** Fetches a locale's catalogue once; the app renders in a locale only after this resolved. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (CATALOGUES[locale]) return;
  if (locale === 'en') CATALOGUES.en = (await import('./en.ts')).en;
}

/** The text of a message in a locale, with `{name}` placeholders filled in (Chinese until English is loaded). */
export function translate(locale: Locale, id: MessageId, vars?: TranslateVars): string {
  const text = (CATALOGUES[locale] ?? zh)[id];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when `id` is a message of the catalogue (for ids built at run time). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(zh, id);
}

/** The label of a coded value in a locale. */
export function pickLabel(label: Label, locale: Locale): string {
  return label[locale];
}

/** The locale chosen earlier on this browser, Chinese by default. */
export function loadLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Remembers the chosen locale on this browser. */
export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The Accept-Language value the API expects for a locale. */
export function acceptLanguage(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}
