/**
 * The SQL of deliveries and reach (decision 0016). Every write that changes deliveries reports, per
 * cell, how the rows it changed moved between "not reached", "briefed" and "acknowledged" (overall and
 * within the deadline); `addToReach` adds that to the cell and every committee above it in one upsert,
 * in unit id order so concurrent writers lock shared ancestors in the same order.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { refreshFacts } from '../compliance/engine.ts';

/** Per-cell changes of the counters. */
export type CellDelta = { cell_id: number; m: number; a: number; b: number; at: number; bt: number };

/**
 * The four class indicators of a delivery whose acknowledgment time is `ack` and briefing day `brief`,
 * against round `r` (an alias with `deadline` and `deadline_on`): acknowledged, briefed (and not
 * acknowledged), and the same within the deadline. As SQL integer expressions.
 */
function classes(ack: string, brief: string) {
  const a = sql.raw(ack);
  const b = sql.raw(brief);
  const ackInTime = sql`(${a} is not null and (r.deadline is null or ${a} < r.deadline))`;
  return {
    a: sql<number>`(${a} is not null)::int`,
    b: sql<number>`(${a} is null and ${b} is not null)::int`,
    at: sql<number>`${ackInTime}::int`,
    bt: sql<number>`(not ${ackInTime} and ${b} is not null and (r.deadline_on is null or ${b} <= r.deadline_on))::int`,
  };
}

/** Sums, per cell, the change from the old to the new state of the rows in `changed` (columns cell_id, old_ack, new_ack, old_brief, new_brief). */
function deltaSelect(changed: string, members: RawBuilder<number>) {
  const o = classes('c.old_ack', 'c.old_brief');
  const n = classes('c.new_ack', 'c.new_brief');
  return sql`select c.cell_id, sum(${members})::int as m, sum(${n.a} - ${o.a})::int as a, sum(${n.b} - ${o.b})::int as b,
      sum(${n.at} - ${o.at})::int as at, sum(${n.bt} - ${o.bt})::int as bt
    from ${sql.raw(changed)} c cross join r group by c.cell_id`;
}

/** The counters' upsert: a row already there (alias `r`) adds the new figures. */
const addToExisting = sql`on conflict (directive_id, round, unit_id) do update set
  members = r.members + excluded.members,
  acknowledged = r.acknowledged + excluded.acknowledged,
  briefed = r.briefed + excluded.briefed,
  acknowledged_in_time = r.acknowledged_in_time + excluded.acknowledged_in_time,
  briefed_in_time = r.briefed_in_time + excluded.briefed_in_time`;

/** Adds per-cell deltas to the counters of each cell and all its ancestors. */
export async function addToReach(db: Db, directiveId: number, round: number, deltas: CellDelta[]): Promise<void> {
  const changed = deltas.filter((d) => d.m || d.a || d.b || d.at || d.bt);
  if (changed.length === 0) return;
  await sql`insert into directive_reach as r (directive_id, round, unit_id, members, acknowledged, briefed, acknowledged_in_time, briefed_in_time)
    select ${directiveId}::bigint, ${round}::int, anc.id, sum(x.m), sum(x.a), sum(x.b), sum(x.at), sum(x.bt)
    from json_to_recordset(${JSON.stringify(changed)}::json) as x(cell_id bigint, m int, a int, b int, at int, bt int)
    join units c on c.id = x.cell_id
    cross join lateral unnest(string_to_array(c.path::text, '.')::bigint[]) as anc(id)
    group by anc.id
    order by anc.id
    ${addToExisting}`.execute(db);
}

/** A directive's audience: its targets' paths and its sector and role filters (null: all). */
export type Audience = { directiveId: number; round: number; paths: string[]; sectors: string[] | null; roles: string[] | null };

/**
 * One fan-out batch: the next `limit` targeted cells after `cursor` (by id), one delivery per current
 * member who matches; with `skipExisting`, members who already have one (ON CONFLICT DO NOTHING) are
 * skipped, else such a member is a unique violation (the caller retries with it); answers the last cell handled (null when none was left) and
 * the per-cell count of rows actually written.
 */
export async function deliverToCells(
  db: Db,
  aud: Audience,
  cursor: number,
  limit: number,
  skipExisting = true,
): Promise<{ lastCell: number | null; deltas: CellDelta[] }> {
  const { rows } = await sql<{ last_cell: number | null; deltas: CellDelta[] | null }>`
    with cells as (
      select c.id from units c
      where c.kind = 'cell' and c.id > ${cursor} and c.path <@ any(${aud.paths}::ltree[])
        and (${aud.sectors}::text[] is null or c.sector = any(${aud.sectors}::text[]))
      order by c.id limit ${limit}
    ), ins as (
      insert into directive_deliveries (cell_id, directive_id, round, person_id)
      select m.cell_id, ${aud.directiveId}::bigint, ${aud.round}::int, m.person_id
      from cells join memberships m on m.cell_id = cells.id and m.to_date is null
      where ${aud.roles}::text[] is null or m.role = any(${aud.roles}::text[])
      ${skipExisting ? sql`on conflict do nothing` : sql``}
      returning cell_id
    ), per_cell as (select cell_id, count(*)::int as m from ins group by cell_id)
    select (select max(id) from cells) as last_cell,
      (select json_agg(json_build_object('cell_id', cell_id, 'm', m, 'a', 0, 'b', 0, 'at', 0, 'bt', 0)) from per_cell) as deltas`.execute(
    db,
  );
  return { lastCell: rows[0]?.last_cell ?? null, deltas: rows[0]?.deltas ?? [] };
}

/**
 * Deliveries for people who just joined (or moved to) `cellIds`: every published directive whose open
 * round targets the cell and whose fan-out already passed it (a fan-out still to reach it will deliver
 * itself). One statement for all directives; answers the per-directive, per-cell counts written.
 */
export async function deliverToJoiners(db: Db, personIds: number[]): Promise<Array<CellDelta & { directive_id: number; round: number }>> {
  if (personIds.length === 0) return [];
  const { rows } = await sql<CellDelta & { directive_id: number; round: number }>`
    with ins as (
      insert into directive_deliveries (cell_id, directive_id, round, person_id)
      select m.cell_id, d.id, r.round, m.person_id
      from memberships m
      join units c on c.id = m.cell_id
      join directives d on d.status = 'published'
      join lateral (select round, fanout_cursor, fanout_state from directive_rounds where directive_id = d.id order by round desc limit 1) r on true
      where m.person_id = any(${personIds}::bigint[]) and m.to_date is null
        and (r.fanout_state = 'done' or c.id <= r.fanout_cursor)
        and exists (select 1 from units t where t.id = any(d.target_unit_ids) and c.path <@ t.path)
        and (d.target_sectors is null or c.sector = any(d.target_sectors))
        and (d.target_roles is null or m.role = any(d.target_roles))
      on conflict do nothing
      returning directive_id, round, cell_id
    )
    select directive_id, round, cell_id, count(*)::int as m, 0 as a, 0 as b, 0 as at, 0 as bt
    from ins group by directive_id, round, cell_id`.execute(db);
  return rows;
}

/** Marks the person's delivery in `round` acknowledged now, if not yet; answers the per-cell change (empty if already). */
export async function acknowledgeDelivery(db: Db, directiveId: number, round: number, personId: number): Promise<CellDelta[]> {
  const { rows } = await sql<CellDelta>`
    with r as (select deadline, deadline_on from directive_rounds where directive_id = ${directiveId} and round = ${round}),
    changed as (
      update directive_deliveries d set acknowledged_at = now()
      where d.directive_id = ${directiveId} and d.round = ${round} and d.person_id = ${personId} and d.acknowledged_at is null
      returning d.cell_id, null::timestamptz as old_ack, d.acknowledged_at as new_ack, d.briefed_on as old_brief, d.briefed_on as new_brief
    )
    ${deltaSelect('changed', sql<number>`0`)}`.execute(db);
  return rows;
}

/** Records an in-person briefing for the listed people's deliveries in `round` not yet briefed; the per-cell change and the count. */
export async function briefDeliveries(
  db: Db,
  directiveId: number,
  round: number,
  personIds: number[],
  briefing: { on: string; by: number | null; meetingId: number | null },
): Promise<{ deltas: CellDelta[]; briefed: number }> {
  const { rows } = await sql<CellDelta & { n: number }>`
    with r as (select deadline, deadline_on from directive_rounds where directive_id = ${directiveId} and round = ${round}),
    changed as (
      update directive_deliveries d set briefed_on = ${briefing.on}::date, briefed_by = ${briefing.by}, briefing_meeting_id = ${briefing.meetingId}
      where d.directive_id = ${directiveId} and d.round = ${round} and d.person_id = any(${personIds}::bigint[]) and d.briefed_on is null
      returning d.cell_id, d.acknowledged_at as old_ack, d.acknowledged_at as new_ack, null::date as old_brief, d.briefed_on as new_brief
    ), per_cell as (${deltaSelect('changed', sql<number>`0`)})
    select per_cell.*, (select count(*)::int from changed) as n from per_cell`.execute(db);
  return { deltas: rows.map(({ n: _n, ...d }) => d), briefed: rows[0]?.n ?? 0 };
}

/** Reach counters recomputed from the delivery rows (tests and repairs compare against them). */
export function recountReach(db: Db, directiveId: number, round: number) {
  return sql<{
    unit_id: number;
    members: number;
    acknowledged: number;
    briefed: number;
    acknowledged_in_time: number;
    briefed_in_time: number;
  }>`
    with r as (select deadline, deadline_on from directive_rounds where directive_id = ${directiveId} and round = ${round}),
    dl as (select d.cell_id, d.acknowledged_at as ack, d.briefed_on as brief from directive_deliveries d
           where d.directive_id = ${directiveId} and d.round = ${round}),
    per_cell as (
      select dl.cell_id, count(*)::int as m, ${sql.raw('sum')}(${classes('dl.ack', 'dl.brief').a})::int as a,
        sum(${classes('dl.ack', 'dl.brief').b})::int as b, sum(${classes('dl.ack', 'dl.brief').at})::int as at,
        sum(${classes('dl.ack', 'dl.brief').bt})::int as bt
      from dl cross join r group by dl.cell_id)
    select anc.id as unit_id, sum(m)::int as members, sum(a)::int as acknowledged, sum(b)::int as briefed,
      sum(at)::int as acknowledged_in_time, sum(bt)::int as briefed_in_time
    from per_cell join units c on c.id = per_cell.cell_id
    cross join lateral unnest(string_to_array(c.path::text, '.')::bigint[]) as anc(id)
    group by anc.id order by anc.id`.execute(db);
}

/**
 * A change to deliveries, recorded everywhere it shows, in the caller's transaction: the reach counters
 * and (docs/modules.md, the write-side contract) the rulebook's metrics of the month the round opened.
 */
export async function recordDeliveryChange(db: Db, directiveId: number, round: number, deltas: CellDelta[]): Promise<void> {
  const changed = deltas.filter((d) => d.m || d.a || d.b || d.at || d.bt);
  if (changed.length === 0) return;
  // No standard of the kind was ever saved: no month has metrics to move (saving one rebuilds the month).
  const { rows } = await sql<{ on: string }>`select opened_at::date::text as on from directive_rounds
    where directive_id = ${directiveId} and round = ${round}
      and exists (select 1 from standards where kind = 'directives_reached')`.execute(db);
  if (rows[0])
    await refreshFacts(
      db,
      changed.map((d) => Number(d.cell_id)),
      [{ fact: 'directive_deliveries', on: rows[0].on }],
    );
  // Last: every writer updates the root's counters, so the transaction should hold them only until it commits.
  await addToReach(db, directiveId, round, changed);
}

/**
 * A subtree moved (units module): its counters, for every directive and round, leave the committees
 * above its old place and join those above its new one; shared ancestors net to zero. One upsert in
 * unit id order, like every other writer of the counters.
 */
export async function moveReach(db: Db, unitId: number, oldPath: string, newParentPath: string): Promise<void> {
  const oldAbove = oldPath.split('.').slice(0, -1).map(Number);
  const newAbove = newParentPath.split('.').map(Number);
  const sign = new Map<number, number>();
  for (const a of oldAbove) sign.set(a, (sign.get(a) ?? 0) - 1);
  for (const a of newAbove) sign.set(a, (sign.get(a) ?? 0) + 1);
  const moves = [...sign].filter(([, s]) => s !== 0);
  if (moves.length === 0) return;
  await sql`insert into directive_reach as r (directive_id, round, unit_id, members, acknowledged, briefed, acknowledged_in_time, briefed_in_time)
    select m.directive_id, m.round, x.unit_id, x.s * m.members, x.s * m.acknowledged, x.s * m.briefed,
      x.s * m.acknowledged_in_time, x.s * m.briefed_in_time
    from directive_reach m
    cross join unnest(${moves.map(([u]) => u)}::bigint[], ${moves.map(([, s]) => s)}::int[]) as x(unit_id, s)
    where m.unit_id = ${unitId}
    order by x.unit_id, m.directive_id, m.round
    ${addToExisting}`.execute(db);
}
