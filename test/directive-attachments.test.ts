/** Directive attachments through the API: upload to a draft, list, download byte-identical, who may read, limits and types refused whole. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { multipartFile, publishNow } from './helpers/directives.ts';
import { buildOrg, type Org } from './helpers/org.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Org;
let region: Client;
let member: Client;
let outsider: Client;

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256)),
  Buffer.from('\n%%EOF\n'),
]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const upload = (c: Client, id: number, fileName: string, content: Buffer, declaredType?: string) => {
  const { payload, headers } = multipartFile(fileName, content, declaredType);
  return c.request('POST', `/api/v1/directives/${id}/attachments`, payload, headers);
};

async function draft(): Promise<number> {
  const res = await region.post('/api/v1/directives', {
    title: 'With files',
    body: '<p>See attached.</p>',
    target: { unitIds: [org.cellA1a.id] },
    acknowledgeWithinDays: 7,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const stored = async (id: number) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('directive_attachments')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('directive_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t.ctx.db);
  region = await signIn(t.app, 'region@test', 'secret-pass');
  member = await signIn(t.app, 'member@test', 'secret-pass');
  outsider = await signIn(t.app, 'outsider@test', 'secret-pass');
}, 60_000);
afterAll(async () => t?.close());

describe('directive attachments', () => {
  it('uploads to a draft, lists it on the directive, and gives the same bytes back to a recipient, not to an outsider', async () => {
    const id = await draft();
    const up = await upload(region, id, '지시문 부록.pdf', PDF, 'text/html');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    // The type comes from the bytes, not from what the client declared.
    expect(up.body).toMatchObject({ fileName: '지시문 부록.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const png = await upload(region, id, '../../etc/map.png', PNG);
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ fileName: 'map.png', contentType: 'image/png' });

    const got = await region.get(`/api/v1/directives/${id}`);
    expect(got.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['지시문 부록.pdf', 'map.png']);

    await publishNow(t.ctx.db, id);
    const url = `/api/v1/directives/${id}/attachments/${up.body.id}`;
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: (member as unknown as { cookie: string }).cookie } });
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, PDF)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[\x20-\x7E]+"; filename\*=UTF-8''/);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('지시문 부록.pdf'));

    expect((await member.get(`/api/v1/directives/${id}`)).body.attachments).toHaveLength(2);
    expect((await outsider.get(url)).status).toBe(404);
    // An attachment id of another directive is 404 under this one.
    const other = await draft();
    expect((await region.get(`/api/v1/directives/${other}/attachments/${up.body.id}`)).status).toBe(404);
  });

  it('refuses an upload to a published directive (409) and stores nothing', async () => {
    const id = await draft();
    await publishNow(t.ctx.db, id);
    const res = await upload(region, id, 'late.pdf', PDF);
    expect(res.status).toBe(409);
    expect(res.body.error.messageKey).toBe('directive.notDraft');
    expect(await stored(id)).toBe(0);
  });

  it('refuses an oversize file with 413 attachment.tooLarge and stores nothing', async () => {
    const id = await draft();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const res = await upload(region, id, 'big.pdf', big);
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.body.error.messageKey).toBe('attachment.tooLarge');
    expect(await stored(id)).toBe(0);
  });

  it.each([
    ['an HTML page', 'page.txt', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['an SVG', 'logo.txt', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a Windows program renamed .pdf', 'report.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from([0, 0, 0])])],
    ['a zip', 'notes.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])],
    ['text that is not UTF-8', 'euc.txt', Buffer.from([0xb0, 0xa1, 0xb0, 0xa2, 0x0a])],
  ])('refuses %s with 415 attachment.typeNotAllowed and stores nothing', async (_what, name, content) => {
    const id = await draft();
    const res = await upload(region, id, name, content, 'application/pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(415);
    expect(res.body.error.messageKey).toBe('attachment.typeNotAllowed');
    expect(await stored(id)).toBe(0);
  });

  it('refuses an empty file with 400 attachment.empty and stores nothing', async () => {
    const id = await draft();
    const res = await upload(region, id, 'empty.txt', Buffer.alloc(0));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.messageKey).toBe('attachment.empty');
    expect(await stored(id)).toBe(0);
  });

  it('accepts UTF-8 plain text, served as text/plain', async () => {
    const id = await draft();
    const text = Buffer.from('집회 안내\n- 토요일 10시\n', 'utf8');
    const res = await upload(region, id, 'notice.txt', text);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.contentType).toBe('text/plain; charset=utf-8');
    const got = await region.get(`/api/v1/directives/${id}/attachments/${res.body.id}`);
    expect(got.body).toBe(text.toString('utf8'));
  });

  it('refuses a sixth file (409 attachment.tooMany), a request that is not multipart (415), and a member editing (404)', async () => {
    const id = await draft();
    for (let i = 0; i < 5; i++) expect((await upload(region, id, `f${i}.png`, PNG)).status).toBe(201);
    const sixth = await upload(region, id, 'f5.png', PNG);
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.messageKey).toBe('attachment.tooMany');
    expect(await stored(id)).toBe(5);
    const json = await region.post(`/api/v1/directives/${id}/attachments`, { file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.error.messageKey).toBe('attachment.noFile');
    expect((await upload(member, id, 'm.png', PNG)).status).toBe(404);
  });

  it('deletes from a draft; not once published', async () => {
    const id = await draft();
    const a = await upload(region, id, 'a.png', PNG);
    const b = await upload(region, id, 'b.png', PNG);
    expect((await region.delete(`/api/v1/directives/${id}/attachments/${a.body.id}`)).status).toBe(204);
    expect((await region.get(`/api/v1/directives/${id}`)).body.attachments.map((x: { id: number }) => x.id)).toEqual([b.body.id]);
    expect((await region.delete(`/api/v1/directives/${id}/attachments/${a.body.id}`)).status).toBe(404);
    await publishNow(t.ctx.db, id);
    expect((await region.delete(`/api/v1/directives/${id}/attachments/${b.body.id}`)).status).toBe(409);
    expect(await stored(id)).toBe(1);
  });
});
