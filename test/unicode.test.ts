/**
 * Text that is not Unicode is refused with a 400, not stored as U+FFFD (decision 0012): lone surrogate
 * escapes and invalid UTF-8 bytes in JSON bodies, invalid UTF-8 in CSV uploads. Valid text, Korean and
 * emoji (a surrogate pair) included, still passes untouched.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Org;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t.ctx.db);
  admin = await signIn(t.app, 'admin@test', 'secret-pass');
});
afterAll(async () => {
  await t.close();
});

const unitBody = (name: string, code: string) => `{"parentId":${org.districtA1.id},"kind":"cell","name":"${name}","code":"${code}"}`;
const postRaw = (body: string | Buffer) => admin.request('POST', '/api/v1/units', body as string, { 'content-type': 'application/json' });
const unitsNamed = (like: string) => t.ctx.db.selectFrom('units').select('name').where('name', 'like', like).execute();

describe('JSON bodies', () => {
  it('refuses a lone surrogate escape, high or low, in a value or a key', async () => {
    for (const body of [unitBody('Sur \\ud800', 'U-1'), unitBody('Sur \\udc00 end', 'U-2'), `{"name\\ud800":"x"}`]) {
      const res = await postRaw(body);
      expect(res.status, body).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'bad_request', messageKey: 'input.loneSurrogate' });
    }
    expect(await unitsNamed('Sur %')).toEqual([]);
  });

  it('refuses raw bytes that are not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`{"parentId":${org.districtA1.id},"kind":"cell","name":"Caf`),
      Buffer.from([0xe9]),
      Buffer.from('","code":"U-3"}'),
    ]);
    const encodedSurrogate = Buffer.concat([
      Buffer.from(`{"parentId":${org.districtA1.id},"kind":"cell","name":"X`),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('","code":"U-4"}'),
    ]);
    for (const body of [latin1, encodedSurrogate]) {
      const res = await postRaw(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'bad_request', messageKey: 'input.notUtf8' });
    }
    expect(await unitsNamed('Caf%')).toEqual([]);
  });

  it('keeps valid text as sent: Korean, an escaped surrogate pair, a raw emoji', async () => {
    const res = await postRaw(unitBody('셀 \\ud83d\\ude00 😀', 'U-5'));
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('셀 😀 😀');
  });

  it("keeps Fastify's own checks: prototype poisoning is still refused", async () => {
    const res = await postRaw(`{"__proto__":{"x":1},"parentId":${org.districtA1.id}}`);
    expect(res.status).toBe(400);
  });
});

describe('CSV uploads', () => {
  const upload = (unitId: number, body: Buffer) =>
    admin.request('POST', `/api/v1/units/${unitId}/imports?importId=${randomUUID()}`, body as unknown as string, {
      'content-type': 'text/csv',
    });

  it('refuses a file that is not UTF-8 (an EUC-KR export), and imports nothing', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    // "김" in EUC-KR is B1 E8: not a UTF-8 sequence.
    const res = await upload(cell.id, Buffer.concat([Buffer.from('full_name\nKim\n'), Buffer.from([0xb1, 0xe8]), Buffer.from('\n')]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', messageKey: 'import.notUtf8' });
    expect(await t.ctx.db.selectFrom('memberships').select('person_id').where('cell_id', '=', cell.id).execute()).toEqual([]);
  });

  it('refuses a file cut inside a character', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    const res = await upload(cell.id, Buffer.concat([Buffer.from('full_name\n김\n'), Buffer.from('김').subarray(0, 2)]));
    expect(res.status).toBe(400);
    expect(res.body.error.messageKey).toBe('import.notUtf8');
  });

  it('imports UTF-8 with a byte-order mark and Korean names', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    const res = await upload(cell.id, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('full_name\n김하나\n이두리 😀\n')]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', created: 2 });
  });
});
