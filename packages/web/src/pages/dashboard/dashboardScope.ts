/** The dashboard's date and region as the URL names them (invalid values are ignored, as if absent). */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^\d{6}$/;

export function dashboardScopeFromSearch(search: URLSearchParams): { asOf?: string; regionCode?: string } {
  const asOf = search.get('asOf');
  const regionCode = search.get('regionCode');
  return {
    ...(asOf && DATE.test(asOf) ? { asOf } : {}),
    ...(regionCode && REGION.test(regionCode) ? { regionCode } : {}),
  };
}
