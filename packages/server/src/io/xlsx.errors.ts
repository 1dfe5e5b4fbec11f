/**
 * A workbook refused before or while it was read: an AppError (400) whose code is its message key of the ledger
 * catalogue (e.g. 'file.notXlsx'), so the app's one error handler answers it like any other.
 */
import { message, type Locale, type MessageKey, type MessageParams } from '@keyprojects/core';
import { AppError } from '../errors.ts';

/** A refused workbook; answered as 400 with its key as the code. */
export class XlsxFileError extends AppError {
  constructor(key: MessageKey, params: MessageParams = {}) {
    super(400, key, key, undefined, params);
    // The Chinese text as the message, so logs and the CLI show something readable.
    this.message = message(key, 'zh', params);
    this.name = 'XlsxFileError';
  }

  /** The message in a locale. */
  localized(locale: Locale): string {
    return message(this.messageKey, locale, this.params);
  }
}
