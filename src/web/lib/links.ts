/** Addresses of the pages behind dashboard figures. */

/** The rows behind a figure: a unit's cells judged on one standard ('*' = all standards) in a month. */
export function rowsLink(unitId: number, standard: string, period: string, meets?: boolean): string {
  const params = new URLSearchParams({ period });
  if (meets !== undefined) params.set('meets', String(meets));
  return `/units/${unitId}/compliance/${standard === '*' ? 'all' : encodeURIComponent(standard)}?${params.toString()}`;
}

export const standardFromParam = (param: string | undefined): string => (!param || param === 'all' ? '*' : param);
