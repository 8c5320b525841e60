/** The Kysely instance over a pg pool, and the migrator. */
import { createHash } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { DB } from './types.ts';

// int8 ids and counts fit in a JS number at any realistic scale; dates stay 'YYYY-MM-DD' strings so no
// time zone shifts a calendar day.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Database = Kysely<DB>;
/** A handle that may be the pool or an open transaction; services accept either. */
export type Db = Kysely<DB> | Transaction<DB>;

export type ConnectionOptions = pg.PoolConfig;

/** Where connection losses are reported; a pino logger fits. */
export type PoolLog = { warn(obj: object, msg: string): void };

export function createPool(connection: ConnectionOptions, max = 10, log?: PoolLog): pg.Pool {
  const pool = new pg.Pool({ ...connection, max, idleTimeoutMillis: 30_000 });
  // A client losing its server (restart, kill, a protocol error) emits 'error'; unheard, that ends the
  // process. The pool listens only while a client is idle, so each client also gets its own listener for
  // its whole life: a checked-out client's query fails (a 5xx for its request), and the pool drops it.
  pool.on('error', () => undefined); // the client's own listener below logs it
  pool.on('connect', (client) => {
    client.on('error', (err) => log?.warn({ err }, 'database connection lost'));
    preparePrefixedQueries(client);
  });
  return pool;
}

/**
 * SQL that starts with this comment runs as a named prepared statement on each connection, so the
 * server plans it once per connection instead of on every call. For the few statements of the hot
 * write path (saving attendance: the roll, the write, follow-ups, the metrics refresh, the reply),
 * where planning costs about as much as executing.
 */
export const PREPARED = '/*prepared*/';

function preparePrefixedQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text === 'string' && text.startsWith(PREPARED) && (values === undefined || Array.isArray(values)) && args.length <= 2) {
      const name = `cw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      return query({ name, text, values });
    }
    return query(...args);
  };
}

export function createDatabase(pool: pg.Pool): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Kysely instances on a connection whose caller holds the transaction (databaseOnClient). */
const onHeldConnection = new WeakSet<object>();

/**
 * Kysely over one connection the caller holds (and has perhaps begun a transaction on): statements go
 * through that connection, and releasing is left to the caller. For code on a raw pg client (the CSV
 * import's transaction) that calls a module written against Kysely. `inTransaction` runs in the
 * caller's transaction on it; never call `db.transaction()` on it (it would send BEGIN on a connection
 * already in one, and its COMMIT would end the caller's transaction).
 */
export function databaseOnClient(client: pg.PoolClient): Database {
  const held = { query: client.query.bind(client), release: () => undefined };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: { connect: async () => held, end: async () => undefined } as never }) });
  onHeldConnection.add(db);
  return db;
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs fn in a transaction, or in the caller's one when db already is a transaction. */
/** `db` runs in a transaction its caller holds: a Kysely transaction, or a held connection (databaseOnClient). */
export function inCallersTransaction(db: Db): boolean {
  return db.isTransaction || onHeldConnection.has(db);
}

export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  // On a held connection the caller's transaction is the one: a BEGIN here would be ignored by the
  // server and its COMMIT would end the caller's transaction early (the CSV import's, once).
  if (inCallersTransaction(db)) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}
