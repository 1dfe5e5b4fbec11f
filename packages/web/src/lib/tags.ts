import { KNOWN_TAGS, type Locale } from '@keyprojects/core';

/** A project tag as shown: known tags (重中之重, 三个一批…) translated, free tags as typed. */
export function tagLabel(tag: string, locale: Locale): string {
  return Object.hasOwn(KNOWN_TAGS, tag) ? (KNOWN_TAGS[tag]?.[locale] ?? tag) : tag;
}

/** The colour of a tag: the top-priority tag stands out. */
export function tagColor(tag: string): string | undefined {
  return tag === '重中之重' ? 'red' : undefined;
}
