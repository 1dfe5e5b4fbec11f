/**
 * The one function turning a stored warning row into the contract's item (list, project card, export, CLI). The
 * rule's label is in the reader's language; a district's warning has no project fields.
 */
import {
  DISTRICT_WARNING_RULE_LABELS,
  WARNING_RULE_LABELS,
  type AnyWarningRuleId,
  type Label,
  type Locale,
  type WarningItem,
} from '@keyprojects/core';
import type { WarningRow } from './warning-list.repository.ts';

const RULE_LABELS: Partial<Record<string, Label>> = { ...WARNING_RULE_LABELS, ...DISTRICT_WARNING_RULE_LABELS };

/** A rule's label in the language; an id no longer known shows as itself. */
export function warningRuleLabel(rule: string, locale: Locale = 'zh'): string {
  return RULE_LABELS[rule]?.[locale] ?? rule;
}

export function toWarningItem(row: WarningRow, locale: Locale = 'zh'): WarningItem {
  return {
    id: Number(row.id),
    projectId: row.project_id,
    projectCode: row.project_code,
    projectName: row.project_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    rule: row.rule as AnyWarningRuleId,
    ruleLabel: warningRuleLabel(row.rule, locale),
    ruleVersion: row.rule_version,
    presetId: row.preset_id,
    level: row.level,
    figures: row.figures,
    text: row.text,
    firstRaisedOn: row.first_raised_on,
    lastConfirmedOn: row.last_confirmed_on,
    levelChangedOn: row.level_changed_on,
    clearedOn: row.cleared_on,
  };
}
