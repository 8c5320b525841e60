/** The metric keys the standards in force ask for, which parameterised sources compute (e.g. max_gap_days:review). */
import { sql, type RawBuilder } from 'kysely';
import { KINDS } from '../rulebook-registry.ts';
import { inForce } from './standards.ts';

/** The keys read by the standards in force on `day`, as an array (SQL). */
export const wantedKeysAt = (day: RawBuilder<unknown>) => {
  const arms = KINDS.map((k) => {
    const [k1, k2] = k.keys(sql.ref('s.params'));
    return sql`when ${sql.lit(k.code)} then array[${k1}, ${k2 ?? sql`null`}]::text[]`;
  });
  return sql<string[] | null>`(select array_agg(distinct k) from standards s
    cross join lateral unnest(case s.kind ${sql.join(arms, sql` `)} end) as k
    where ${inForce('s', day)} and k is not null)`;
};
