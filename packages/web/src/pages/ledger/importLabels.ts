/** The colours and message ids of an import's row actions and job phases. */
import { LEDGER_JOB_PHASES, LEDGER_ROW_ACTIONS, type LedgerJobPhase, type LedgerRowAction } from '@keyprojects/core';
import type { MessageId } from '../../i18n/translate.ts';

export const ACTIONS: readonly LedgerRowAction[] = LEDGER_ROW_ACTIONS;

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

export const PHASES: readonly LedgerJobPhase[] = LEDGER_JOB_PHASES;

export const PHASE_LABEL: Record<LedgerJobPhase, MessageId> = {
  reading: 'ledger.phase.reading',
  validating: 'ledger.phase.validating',
  writing: 'ledger.phase.writing',
  done: 'ledger.phase.done',
};
