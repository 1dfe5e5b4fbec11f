/** A workbook refused before or while it was read: a stable code, a message key of the ledger catalogue and its values. */
import { message, type Locale, type MessageKey, type MessageParams } from '@keyprojects/core';

/** A refused workbook; answered as 400 with its code. */
export class XlsxFileError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    // The Chinese text as the message, so logs and the CLI show something readable.
    super(message(key, 'zh', params));
    this.name = 'XlsxFileError';
  }

  /** The API error code, e.g. 'file.notXlsx'. */
  get code(): string {
    return this.key;
  }

  /** The message in a locale. */
  localized(locale: Locale): string {
    return message(this.key, locale, this.params);
  }
}
