/** Turns the before/after values of audit changes into readable text, using the codelists and field labels. */
import { PROJECT_FIELD_LABELS, type CodeItem, type Codelists, type Locale } from '@keyprojects/core';
import { codeLabel } from '../api/reference.ts';
import { isMessageId, translate, type Translate } from '../i18n/translate.ts';
import { formatMoney } from './format.ts';

/** The label of a project field for the audit list, or the raw name for fields core does not label. */
export function auditFieldLabel(field: string, locale: Locale): string {
  if (Object.hasOwn(PROJECT_FIELD_LABELS, field))
    return PROJECT_FIELD_LABELS[field as keyof typeof PROJECT_FIELD_LABELS][locale];
  const id = `audit.field.${field}`;
  return isMessageId(id) ? translate(locale, id) : field;
}

type CodeListName = Exclude<keyof Codelists, 'planYears'>;

const CODED_FIELDS: Partial<Record<string, CodeListName>> = {
  levels: 'levels',
  category: 'categories',
  industry: 'industries',
  nature: 'natures',
  financingModel: 'financingModels',
  stage: 'stages',
};
const MONEY_FIELDS = new Set(['totalInvestment', 'plannedInvestment', 'applied', 'approved', 'issued']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

/** Everything a value formatter needs. */
export interface AuditFormatContext {
  codelists: Codelists;
  locale: Locale;
  t: Translate;
}

function money(value: unknown, ctx: AuditFormatContext): string {
  return `${formatMoney(text(value), 'wan')} ${ctx.t('project.unit.wan')}`;
}

function annualPlan(plan: Record<string, unknown>, ctx: AuditFormatContext): string {
  const parts = [text(plan.year), money(plan.plannedInvestment, ctx)];
  if (typeof plan.nature === 'string') parts.push(codeLabel(ctx.codelists.natures, plan.nature, ctx.locale));
  if (plan.plannedNewStart === true) parts.push(ctx.t('plan.plannedNewStart'));
  return parts.join(' ');
}

function fundingSource(source: Record<string, unknown>, ctx: AuditFormatContext): string {
  const kind = codeLabel(ctx.codelists.fundingSourceKinds, text(source.kind), ctx.locale);
  const amounts = (['applied', 'approved', 'issued'] as const).map(
    (key) => `${ctx.t(`funding.${key}Short`)} ${formatMoney(text(source[key] ?? '0'), 'wan')}`,
  );
  return `${kind}: ${amounts.join(' / ')}`;
}

/** One before or after value as text ('—' when empty). */
export function formatAuditValue(field: string, value: unknown, ctx: AuditFormatContext): string {
  if (value === null || value === undefined || value === '') return ctx.t('common.none');
  if (typeof value === 'boolean') return ctx.t(value ? 'common.yes' : 'common.no');
  const list = CODED_FIELDS[field];
  const items: readonly CodeItem[] | undefined = list === undefined ? undefined : ctx.codelists[list];
  if (Array.isArray(value)) {
    if (value.length === 0) return ctx.t('common.none');
    const parts = value.map((entry: unknown) => {
      if (field === 'annualPlans' && isRecord(entry)) return annualPlan(entry, ctx);
      if (field === 'fundingSources' && isRecord(entry)) return fundingSource(entry, ctx);
      if (items && typeof entry === 'string') return codeLabel(items, entry, ctx.locale);
      return text(entry);
    });
    return parts.join(ctx.locale === 'zh' ? '；' : '; ');
  }
  if (items && typeof value === 'string') return codeLabel(items, value, ctx.locale);
  if (MONEY_FIELDS.has(field)) return money(value, ctx);
  return text(value);
}
