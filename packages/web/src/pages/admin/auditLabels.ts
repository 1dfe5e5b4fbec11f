/** Labels of the audit trail's actions, entity types and user fields, with the id when the catalogue has none. */
import { ROLE_LABELS, ROLES, type Label, type Role } from '@keyprojects/core';
import { isMessageId, type Translate } from '../../i18n/translate.ts';

/** The label of a message id built from a prefix and a code, or the code itself. */
export function codeText(t: Translate, prefix: string, code: string): string {
  const id = `${prefix}.${code}`;
  return isMessageId(id) ? t(id) : code;
}

/** True for a role code (audit rows store roles as plain text). */
export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** A changed value as text: roles by name, booleans as yes/no, empty as a dash. */
export function auditValueText(field: string, value: unknown, t: Translate, label: (l: Label) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'role' && isRole(value)) return label(ROLE_LABELS[value]);
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
