/** Puts validation messages (from the core contract on the client, or the API's 400 `fields`) at their form fields. */
import type { FormInstance } from 'antd';
import { isMessageKey, message, type Locale } from '@keyprojects/core';
import type { Translate } from '../../i18n/translate.ts';
import { auditFieldLabel } from '../../lib/auditFormat.ts';
import { emptyFormValues, fieldNamePath, toPayload } from './formValues.ts';

const FORM_FIELDS = new Set(Object.keys(toPayload(emptyFormValues(undefined))));
const LIST_FIELDS = new Set(['annualPlans', 'fundingSources']);

/** A validation issue of the core contract, as the form needs it. */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** A core contract as the form uses it: its input type (z.input) and its check. */
interface Contract<Input> {
  _zod: { input: Input };
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } };
}

/**
 * True when the contract accepts the body, which is then the contract's input (what the API takes); otherwise
 * hands the issues to `onIssues`.
 */
export function acceptedBy<Input>(
  contract: Contract<Input>,
  body: unknown,
  onIssues: (issues: readonly Issue[]) => void,
): body is Input {
  const check = contract.safeParse(body);
  if (!check.success) onIssues(check.error.issues);
  return check.success;
}

/** The form field that shows the error at an API path: rows of the sub-tables keep their cell, other nested paths go to their field. */
function formName(path: string): (string | number)[] | null {
  const parts = fieldNamePath(path);
  const [first] = parts;
  if (typeof first !== 'string' || !FORM_FIELDS.has(first)) return null;
  if (LIST_FIELDS.has(first) && parts.length >= 3) return parts.slice(0, 3);
  return [first];
}

/**
 * Shows each message at its field and scrolls to the first; returns the messages that belong to no field
 * (as "label: message") for the caller to show elsewhere.
 */
export function applyFieldErrors(form: FormInstance, fields: Record<string, string>, locale: Locale): string[] {
  const grouped = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fields)) {
    const name = formName(path);
    if (!name) {
      unplaced.push(path ? `${auditFieldLabel(path.split('.')[0] ?? path, locale)}: ${text}` : text);
      continue;
    }
    const key = name.join('.');
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    grouped.set(key, entry);
  }
  const entries = [...grouped.values()];
  form.setFields(entries.map((entry) => ({ name: entry.name, errors: entry.errors })));
  const first = entries[0];
  if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
  return unplaced;
}

/** The client-side contract issues as API-style `fields`, translated from core's message keys. */
export function issuesToFields(issues: readonly Issue[], locale: Locale, t: Translate): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= isMessageKey(issue.message) ? message(issue.message, locale) : t('form.invalid');
  }
  return fields;
}
