/**
 * The rulebook applied to metrics: for each cell open for the whole start of a period (opened on or
 * before its first day) and each standard in force then and
 * applicable to it (whole organization, its subtree, or its sector), whether the cell meets it and
 * the figures that say why. '*' is "meets every standard".
 *
 * Each standard kind reads at most two metrics (`k1`, `k2`, named from its parameters), found by their
 * position in the cell's arrays of metric keys and values. A verdict stores those two figures (`x`,
 * `y`) as numbers; `verdictDetail` names them for readers, with the limit from the standard.
 *
 * The kinds are the rulebook registry's (modules/rulebook-registry.ts): their keys, limits and pass
 * rules become the CASEs below, so no kind is named here.
 */
import { sql, type RawBuilder } from 'kysely';
import { KINDS, standardKind } from '../rulebook-registry.ts';
import type { StandardKind } from './plugin.ts';
import { openIn } from './periods.ts';
import { inForce } from './standards.ts';

/** `case <kind> when '<code>' then <piece of that kind> … end` over every registered kind. */
function byKind(kind: RawBuilder<unknown>, piece: (k: StandardKind<any>) => RawBuilder<unknown> | null): RawBuilder<any> {
  const arms = KINDS.map((k) => ({ code: k.code, sql: piece(k) })).filter((a) => a.sql !== null);
  if (arms.length === 0) return sql`null`;
  return sql`case ${kind} ${sql.join(
    arms.map((a) => sql`when ${sql.lit(a.code)} then ${a.sql}`),
    sql` `,
  )} end`;
}

const knownKinds = () => sql.join(KINDS.map((k) => sql.lit(k.code)));

/**
 * `failing` is set on the '*' row only: how many standards the cell fails. `parent_id` and `sector`
 * (the roll-ups' sector key: '' for none) come along so a rebuild can sum the verdicts up the tree
 * without joining the cells again, and `path` to store with the overall verdict (the worst cells' index).
 */
export type ComplianceRow = {
  cell_id: number;
  standard_code: string;
  meets: boolean;
  x: number | null;
  y: number | null;
  failing: number | null;
  parent_id: number;
  sector: string;
  path: string;
};

/**
 * `metrics` is where the cells' metric rows (cell_id, key, value) come from: by default the stored
 * `cell_metrics` of the period; an incremental refresh passes the rows it is about to store, so that
 * metrics and compliance are computed in one statement.
 */
export function evaluateCompliance(period: string, cellIds: number[] | null, metrics?: RawBuilder<unknown>): RawBuilder<ComplianceRow> {
  const filter = (column: string) => (cellIds === null ? sql`true` : sql`${sql.ref(column)} = any(${cellIds}::bigint[])`);
  const source = metrics ?? sql`select cell_id, key, value from cell_metrics where period = ${period}::date and ${filter('cell_id')}`;
  return sql<ComplianceRow>`
    -- Each cell's metrics as two parallel arrays (keys, values): a standard then finds its figures by
    -- position, with no join per (cell, standard) pair and no JSON parsing.
    with mv as (select cell_id, array_agg(key) as keys, array_agg(value) as vals from (${source}) src group by cell_id),
    cells as materialized (
      select u.id, u.parent_id, u.path, u.sector, coalesce(u.sector, '') as sector_key, coalesce(mv.keys, '{}') as keys, coalesce(mv.vals, '{}') as vals
      from units u left join mv on mv.cell_id = u.id
      -- A cell is judged from its first full month: in the month it opens it has had no chance to hold
      -- a month's meetings, so its standards do not apply yet and it counts neither healthy nor failing
      -- (decision 0005, "A new cell").
      where u.kind = 'cell' and ${openIn('u', period)} and u.opened_on <= ${period}::date and ${filter('u.id')}
    ),
    std as materialized (
      select s.code, s.kind, s.params, s.scope_sector,
        -- A scalar lookup by id, never a join that could scan every unit.
        (select su.path from units su where su.id = s.scope_unit_id) as scope_path,
        ${byKind(sql.ref('s.kind'), (k) => k.keys(sql.ref('s.params'))[0])} as k1,
        ${byKind(sql.ref('s.kind'), (k) => k.keys(sql.ref('s.params'))[1])} as k2,
        ${limitOf('s')} as lim
      from standards s
      -- A stored standard of a kind no module declares any more is not judged.
      where ${inForce('s', period)} and s.kind in (${knownKinds()})
    ),
    figures as (
      select c.id as cell_id, c.parent_id, c.sector_key, c.path, s.code, s.kind, s.lim,
        coalesce(c.vals[array_position(c.keys, s.k1)], 0) as x,
        case when s.k2 is not null then coalesce(c.vals[array_position(c.keys, s.k2)], 0) end as y
      from cells c join std s on (s.scope_path is null or c.path <@ s.scope_path) and (s.scope_sector is null or c.sector = s.scope_sector)
    ),
    judged as materialized (
      select cell_id, parent_id, sector_key, path, code as standard_code,
        ${byKind(sql.ref('kind'), (k) => k.passes(sql.ref('x'), sql.ref('y'), sql.ref('lim')))} as meets, x, y
      from figures
    )
    select cell_id, standard_code, meets, x, y, null::smallint as failing, parent_id, sector_key as sector, path from judged
    union all
    select c.id, '*', coalesce(bool_and(j.meets), true), null, null, (count(*) filter (where not j.meets))::smallint, c.parent_id, c.sector_key, c.path
    from cells c left join judged j on j.cell_id = c.id group by c.id, c.parent_id, c.sector_key, c.path`;
}

/** The limit a standard holds its first figure to, from the parameters of standard row `s`. */
function limitOf(s: string): RawBuilder<number> {
  return byKind(sql.ref(`${s}.kind`), (k) => k.limit(sql.ref(`${s}.params`)));
}

export type VerdictFigures = { kind: string | null; lim: number | null; x: number | null; y: number | null };

/**
 * What a reader selects to show a verdict (`verdictDetail`): from verdict row `c` and the standard row
 * `s` it was judged by (the version in force in its month), the kind, the limit and the two figures.
 */
export const verdictFigures = (c: string, s: string) =>
  [
    sql<string | null>`${sql.ref(`${s}.kind`)}`.as('kind'),
    sql<number | null>`${limitOf(s)}`.as('lim'),
    sql<number | null>`${sql.ref(`${c}.x`)}`.as('x'),
    sql<number | null>`${sql.ref(`${c}.y`)}`.as('y'),
  ] as const;

/**
 * A verdict's figures as the API shows them ({ held, required }, …); null for the overall ('*')
 * verdict. Built here, when read, never stored: building this JSON for every verdict cost about a
 * third of judging them in a monthly rebuild at scale L, and building it in SQL about 1 ms of a
 * 50-row drill-down page (decision 0006).
 */
export function verdictDetail({ kind, lim, x, y }: VerdictFigures): Record<string, number | string | null> | null {
  const k = kind === null ? undefined : standardKind(kind);
  // The kind comes along so that readers word the figures by kind (web: routes/rulebook/kinds/).
  return k ? { kind: k.code, ...k.detail({ x, y, lim }) } : null;
}
