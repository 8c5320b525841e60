/** A fresh database per test file, cloned from the migrated template made by global-setup. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { ConnectionOptions } from '../../src/server/db/database.ts';
import { databaseOf } from '../global-setup.ts';

export async function createTestDatabase(): Promise<{
  connection: ConnectionOptions;
  mode: 'embedded' | 'external';
  drop(): Promise<void>;
}> {
  const server = inject('pgServer');
  const template = inject('templateDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(server);
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    connection: databaseOf(server, name),
    mode: inject('databaseMode'),
    async drop() {
      const c = new pg.Client(server);
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await c.end();
    },
  };
}
