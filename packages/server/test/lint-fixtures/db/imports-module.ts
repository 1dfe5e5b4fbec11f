/**
 * A deliberately bad database-layer file for layers.lint.test.ts: src/db/ knows tables, not features, so importing
 * a module must be reported. Never imported.
 */
import { recordTransfer } from '../../../src/modules/audit/audit.transfer.ts';

/** A database helper that writes an audit row: the inversion the rule prevents. */
export const auditedNothing = recordTransfer;
