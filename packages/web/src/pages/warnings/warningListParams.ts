/** The warnings list's state in the URL: filters and paging, read and written as search parameters. */
import {
  ANY_WARNING_RULE_IDS,
  WARNING_LEVELS,
  WARNING_STATUSES,
  type AnyWarningRuleId,
  type WarningLevel,
  type WarningListQueryJson,
  type WarningStatus,
} from '@keyprojects/core';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The list's query as the URL holds it (unknown values dropped, so a hand-edited URL never breaks the page). */
export function parseWarningQuery(params: URLSearchParams): WarningListQueryJson {
  const page = Number(params.get('page') ?? '1');
  const pageSize = Number(params.get('pageSize') ?? '20');
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : 20,
    status: oneOf<WarningStatus>(WARNING_STATUSES, params.get('status')) ?? 'active',
    rule: oneOf<AnyWarningRuleId>(ANY_WARNING_RULE_IDS, params.get('rule')),
    level: oneOf<WarningLevel>(WARNING_LEVELS, params.get('level')),
    regionCode: params.get('regionCode') ?? undefined,
    q: params.get('q') ?? undefined,
    raisedFrom: params.get('raisedFrom') ?? undefined,
    raisedTo: params.get('raisedTo') ?? undefined,
  };
}

/** The query as search parameters, leaving out defaults and empty values. */
export function warningSearchParams(query: WarningListQueryJson): Record<string, string> {
  const entries = Object.entries(query as Record<string, string | number | undefined>).filter(
    ([key, value]) =>
      value !== undefined &&
      value !== '' &&
      !(key === 'page' && value === 1) &&
      !(key === 'pageSize' && value === 20) &&
      !(key === 'status' && value === 'active'),
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value ?? '')]));
}
