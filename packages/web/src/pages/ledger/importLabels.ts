/** The colours and message ids of an import's row actions and job phases. */
import type { LedgerJobPhase, LedgerRowAction } from '../../api/ledgerTypes.ts';
import type { MessageId } from '../../i18n/translate.ts';

export const ACTIONS: readonly LedgerRowAction[] = ['create', 'update', 'unchanged', 'skipped', 'invalid'];

export const ACTION_COLOR: Record<LedgerRowAction, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  skipped: 'orange',
  invalid: 'red',
};

export const ACTION_LABEL: Record<LedgerRowAction, MessageId> = {
  create: 'ledger.action.create',
  update: 'ledger.action.update',
  unchanged: 'ledger.action.unchanged',
  skipped: 'ledger.action.skipped',
  invalid: 'ledger.action.invalid',
};

export const PHASES: readonly LedgerJobPhase[] = ['reading', 'validating', 'writing', 'done'];

export const PHASE_LABEL: Record<LedgerJobPhase, MessageId> = {
  reading: 'ledger.phase.reading',
  validating: 'ledger.phase.validating',
  writing: 'ledger.phase.writing',
  done: 'ledger.phase.done',
};
