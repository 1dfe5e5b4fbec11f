/** A workbook refused before or while it was read: a stable code, a message key of the ledger catalogue and its values. */
import { ledgerMessage, type LedgerMessageKey, type Locale, type MessageParams } from '@keyprojects/core';

/** A refused workbook; answered as 400 with its code. */
export class XlsxFileError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly key: LedgerMessageKey,
    readonly params: MessageParams = {},
  ) {
    // The Chinese text as the message, so logs and the CLI show something readable.
    super(ledgerMessage(key, 'zh', params));
    this.name = 'XlsxFileError';
  }

  /** The API error code, e.g. 'file.notXlsx'. */
  get code(): string {
    return this.key;
  }

  /** The message in a locale. */
  localized(locale: Locale): string {
    return ledgerMessage(this.key, locale, this.params);
  }
}
