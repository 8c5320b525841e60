/**
 * Loading millions of rows into empty tables, the way pg_restore does: foreign keys and secondary
 * (non-unique) indexes are set aside while the rows stream in and put back before commit, so each is
 * checked or built once over the whole table (one join, one sort) instead of once per row. The
 * definitions are read from the catalog, so what comes back is exactly what the migrations made.
 * Run inside the loading transaction: a failure rolls the drop back too.
 */
import type pg from 'pg';

type Deferred = { table: string; foreignKeys: Array<{ name: string; def: string }>; indexes: Array<{ name: string; def: string }> };

export async function setAsideChecks(client: pg.PoolClient, tables: readonly string[]): Promise<Deferred[]> {
  const deferred: Deferred[] = [];
  for (const table of tables) {
    const { rows: foreignKeys } = await client.query<{ name: string; def: string }>(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass and contype = 'f' order by conname`,
      [table],
    );
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `select c.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid
       where i.indrelid = $1::regclass and not i.indisunique and not i.indisprimary order by c.relname`,
      [table],
    );
    for (const fk of foreignKeys) await client.query(`alter table ${table} drop constraint ${quote(fk.name)}`);
    for (const ix of indexes) await client.query(`drop index ${quote(ix.name)}`);
    deferred.push({ table, foreignKeys, indexes });
  }
  return deferred;
}

/** Puts back what setAsideChecks took: indexes first, then the foreign keys (validated over all rows). */
export async function restoreChecks(client: pg.PoolClient, deferred: Deferred[]): Promise<void> {
  for (const d of deferred) for (const ix of d.indexes) await client.query(ix.def);
  for (const d of deferred)
    for (const fk of d.foreignKeys) await client.query(`alter table ${d.table} add constraint ${quote(fk.name)} ${fk.def}`);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
