/**
 * The process survives what a client sends and what the database does: an oversized CSV header or line
 * is a clear 4xx (it once dropped the connection and ended the process), and connections killed under
 * the server fail their requests with a logged 5xx, after which the server answers again.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';
import { createContext, type AppContext } from '../src/server/context.ts';
import { buildApp } from '../src/server/http/app.ts';
import type { TestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell } from './helpers/factories.ts';
import { createTestDatabase } from './helpers/database.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const logLines: Array<Record<string, unknown>> = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(JSON.parse(String(chunk)));
    done();
  },
});
const processErrors: unknown[] = [];
const onProcessError = (err: unknown) => processErrors.push(err);

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: AppContext;
let app: TestApp;
let org: Org;
let region: Client;

beforeAll(async () => {
  process.on('uncaughtException', onProcessError);
  database = await createTestDatabase();
  const log = pino({ level: 'info' }, logStream);
  ctx = await createContext(loadConfig({ CELLWORK_LOG_LEVEL: 'info' }), { connection: database.connection, jobs: false, log });
  app = await buildApp(ctx, { logger: log });
  await app.ready();
  org = await buildOrg(ctx.db);
  region = await signIn(app, 'region@test', 'secret-pass');
});
afterAll(async () => {
  process.off('uncaughtException', onProcessError);
  await app.close();
  await ctx.close();
  await database.drop();
});

const upload = (unitId: number, payload: string | PassThrough) =>
  region.request('POST', `/api/v1/units/${unitId}/imports?importId=${randomUUID()}`, payload, { 'content-type': 'text/csv' });

/** Every connection of the app's database but this one, as an operator or a failover would. */
async function killAppConnections(): Promise<number> {
  const admin = new pg.Client(database.connection);
  await admin.connect();
  try {
    const { rows } = await admin.query(`select pg_terminate_backend(pid) as killed from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
    return rows.length;
  } finally {
    await admin.end();
  }
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const serverAnswers = async () => (await region.get(`/api/v1/units/${org.cellA1a.id}`)).status === 200;

describe('oversized CSV input', () => {
  it('refuses a 20 KB column name with a 400, and the server keeps answering', async () => {
    const cell = await buildCell(ctx.db, org.districtA2.id);
    const res = await upload(cell.id, `full_name,${'x'.repeat(20_000)}\nKim,1\n`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', messageKey: 'input.columnTooLong', params: { max: 64 } });
    expect(await serverAnswers()).toBe(true);
    expect(processErrors).toEqual([]);
  });

  it('lists at most ten unknown columns, each short', async () => {
    const cell = await buildCell(ctx.db, org.districtA2.id);
    const columns = Array.from({ length: 300 }, (_, i) => `${i}`.padStart(60, 'c'));
    const res = await upload(cell.id, `full_name,${columns.join(',')}\n`);
    expect(res.status).toBe(400);
    expect(res.body.error.messageKey).toBe('import.unknownColumns');
    expect(res.body.error.params.columns.split(', ')).toHaveLength(11);
  });

  it('a refusal whose reason echoes 20 KB of the file is a 400, and that reason never reaches PostgreSQL', async () => {
    const cell = await buildCell(ctx.db, org.districtA2.id);
    // csv-parse quotes the whole field in its message; aborting the COPY once sent that to the server.
    logLines.length = 0;
    const res = await upload(cell.id, `full_name,workplace\nKim,${'w'.repeat(20_000)}"x\n`);
    expect(res.status).toBe(400);
    expect(res.body.error.messageKey).toBe('import.badCsv');
    expect(res.body.error.message.length).toBeLessThan(300);
    // PostgreSQL drops a connection sent an over-long CopyFail; this one was kept.
    expect(logLines.filter((l) => l.msg === 'database connection lost')).toEqual([]);
    expect(await serverAnswers()).toBe(true);
    expect(processErrors).toEqual([]);
  });

  it("over a real connection, a refused upload's unread body is drained and the connection serves the next request", async () => {
    const cell = await buildCell(ctx.db, org.districtA2.id);
    const signed = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'region@test', password: 'secret-pass' } });
    const cookie = String([signed.headers['set-cookie']].flat().find((c) => c?.startsWith('cw_session='))).split(';')[0];
    const csrf = (JSON.parse(signed.body) as { csrfToken: string }).csrfToken;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    // The header is refused at once; 2 MB of lines follow it, then a second request on the same socket.
    const csv = `full_name,${'x'.repeat(100)}\n${'Kim,1\n'.repeat(350_000)}`;
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('error', () => undefined);
    socket.on('data', (d) => {
      data += d.toString();
    });
    socket.write(
      `POST /api/v1/units/${cell.id}/imports?importId=${randomUUID()} HTTP/1.1\r\nhost: x\r\ncookie: ${cookie}\r\nx-csrf-token: ${csrf}\r\n` +
        `content-type: text/csv\r\ncontent-length: ${Buffer.byteLength(csv)}\r\n\r\n${csv}`,
    );
    socket.write(`GET /api/health HTTP/1.1\r\nhost: x\r\n\r\n`);
    await waitFor(async () => (data.match(/HTTP\/1\.1 \d{3} /g) ?? []).length >= 2, 'two answers on one connection');
    socket.destroy();
    expect(data.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 400', 'HTTP/1.1 200']);
  });

  it('refuses a line longer than 64 KiB with a 400 naming the line', async () => {
    const cell = await buildCell(ctx.db, org.districtA2.id);
    const res = await upload(cell.id, `full_name,workplace\nKim,a\nLee,${'w'.repeat(70_000)}\nPark,b\n`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ messageKey: 'input.lineTooLong', params: { line: 3, max: 65536 } });
    expect(await serverAnswers()).toBe(true);
  });
});

describe('log lines', () => {
  it('a rejected request is logged once as "request rejected", with its status, code and reason', async () => {
    logLines.length = 0;
    const res = await region.get('/api/v1/units/999999999');
    expect(res.status).toBe(404);
    const line = logLines.find((l) => l.msg === 'request rejected');
    expect(line).toMatchObject({ level: 30, status: 404, code: 'not_found', messageKey: 'unit.notFound', reason: res.body.error.message });
  });
});

describe('database connections lost under the server', () => {
  it('a checked-out idle connection killed does not end the process', async () => {
    const client = await ctx.pool.connect();
    expect(await killAppConnections()).toBeGreaterThan(0);
    await waitFor(
      async () => processErrors.length > 0 || logLines.some((l) => l.msg === 'database connection lost'),
      'the loss to be noticed',
    );
    client.release(true);
    expect(processErrors).toEqual([]);
    await waitFor(serverAnswers, 'the server to answer again');
  });

  it('an import whose connection is killed mid-COPY fails with a logged 5xx; the next requests succeed', async () => {
    const cell = await buildCell(ctx.db, org.districtA2.id);
    const body = new PassThrough();
    body.write('full_name\nKim\n');
    const pending = upload(cell.id, body);
    const admin = new pg.Client(database.connection);
    await admin.connect();
    await waitFor(
      async () => (await admin.query(`select 1 from pg_stat_activity where query like 'copy import_rows%'`)).rows.length > 0,
      'the COPY',
    );
    await admin.end();
    logLines.length = 0;
    await killAppConnections();
    body.end('Lee\n');
    const res = await pending;
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body.error).toMatchObject({ code: 'internal', messageKey: 'server.failed' });
    expect(logLines.some((l) => l.level === 50 && l.msg === 'request failed')).toBe(true);
    expect(processErrors).toEqual([]);
    await waitFor(serverAnswers, 'the server to answer again');
    const again = await upload(cell.id, 'full_name\nKim\nLee\n');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'done', created: 2 });
  });
});
