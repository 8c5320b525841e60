/**
 * Every refusal the server sends, Fastify's and Node's own included, has the one error shape
 * `{ error: { code, message, messageKey, … } }`, over real HTTP.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '../src/shared/schemas/base.ts';
import { createTestApp } from './helpers/app.ts';
import { buildOrg } from './helpers/org.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let base: string;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  await buildOrg(t.ctx.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as net.AddressInfo).port}`;
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin@test', password: 'secret-pass' }),
  });
  const me = (await res.json()) as { csrfToken: string };
  auth = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': me.csrfToken };
});
afterAll(async () => {
  await t.close();
});

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { method, headers: { ...auth, ...headers }, body });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as { error: { code: string; messageKey: string } },
  };
}

/** Raw bytes on a socket, for what fetch will not send; resolves with the status and the parsed body. */
function raw(request: string): Promise<{ status: number; body: unknown }> {
  const { port } = t.app.server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => {
      data += d.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(body) });
    });
  });
}

function expectShape(res: { status: number; body: unknown }, status: number, code: string, messageKey: string) {
  expect(res.status).toBe(status);
  expect(ErrorSchema.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
  expect((res.body as { error: unknown }).error).toMatchObject({ code, messageKey });
}

describe('the error shape of framework refusals', () => {
  it('an unknown API route is a 404', async () => {
    expectShape(await call('GET', '/api/v1/no-such-thing'), 404, 'not_found', 'request.noFileOrRoute');
    expectShape(await call('DELETE', '/api/v1/no-such-thing'), 404, 'not_found', 'request.noRoute');
  });

  it('a path segment over 100 characters is a 414', async () => {
    expectShape(
      await call('POST', `/api/v1/units/${'1'.repeat(150)}/imports?importId=x`, 'a', { 'content-type': 'text/csv' }),
      414,
      'uri_too_long',
      'input.urlTooLong',
    );
  });

  it('an undecodable path is a 400', async () => {
    expectShape(await call('GET', '/api/v1/units/%zz'), 400, 'bad_request', 'input.badUrl');
  });

  it('a body that is not JSON, an empty JSON body, another media type, a body too large', async () => {
    expectShape(
      await call('POST', '/api/v1/units', '{"parentId":', { 'content-type': 'application/json' }),
      400,
      'bad_request',
      'input.badJson',
    );
    expectShape(await call('POST', '/api/v1/units', '', { 'content-type': 'application/json' }), 400, 'bad_request', 'input.emptyJson');
    expectShape(
      await call('POST', '/api/v1/units', '<unit/>', { 'content-type': 'application/xml' }),
      415,
      'unsupported_media_type',
      'request.notJson',
    );
    expectShape(
      await call('POST', '/api/v1/units', `"${'x'.repeat(1024 * 1024 + 10)}"`, { 'content-type': 'application/json' }),
      413,
      'payload_too_large',
      'request.tooLarge',
    );
  });

  it('a content-length that does not match the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: '{}',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
    });
    expectShape({ status: res.statusCode, body: res.json() }, 400, 'bad_request', 'input.badContentLength');
  });

  it("requests Node's parser refuses: headers too large, a malformed request line", async () => {
    expectShape(
      await raw(`GET /api/health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`),
      431,
      'header_too_large',
      'input.headersTooLarge',
    );
    expectShape(await raw('GET /api/health HTTP/1.1 junk\r\n\r\n'), 400, 'bad_request', 'input.malformedRequest');
  });

  it("a request that timed out in Node's parser is a 408 in the same shape", async () => {
    // Node's request timeout is checked every 30 s; the timeout it then reports is raised on a real socket here.
    const { port } = t.app.server.address() as net.AddressInfo;
    const accepted = new Promise<net.Socket>((resolve) => t.app.server.once('connection', resolve));
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => {
      data += d.toString();
    });
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /api/health HTTP/1.1\r\nhost: x\r\n');
    t.app.server.emit('clientError', Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), await accepted);
    await closed;
    const [head = '', body = ''] = data.split('\r\n\r\n');
    expectShape({ status: Number(head.split(' ')[1]), body: JSON.parse(body) }, 408, 'request_timeout', 'input.requestTimeout');
  });
});
