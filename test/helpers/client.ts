/** A signed-in HTTP client over fastify.inject: carries the session cookie and the CSRF header. */
import type { Me } from '../../src/shared/schemas/accounts.ts';
import type { TestApp } from './app.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Response = { status: number; body: any; headers: Record<string, unknown> };

export class Client {
  constructor(
    private app: TestApp,
    private cookie: string | null = null,
    public csrf: string | null = null,
    private bearer: string | null = null,
  ) {}

  async request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(payload === undefined ? {} : typeof payload === 'string' ? { payload } : { payload: payload as object }),
    });
    let body: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) body = JSON.parse(res.body);
    return { status: res.statusCode, body, headers: res.headers };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  patch(url: string, body: unknown = {}) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export async function signIn(app: TestApp, login: string, password: string, ip?: string): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { login, password },
    ...(ip ? { remoteAddress: ip } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${login} failed: ${res.statusCode} ${res.body}`);
  const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('cw_session='));
  if (!setCookie) throw new Error('no session cookie');
  const me = JSON.parse(res.body) as Me;
  return new Client(app, setCookie.split(';')[0]!, me.csrfToken);
}

export const anonymous = (app: TestApp) => new Client(app);
export const withToken = (app: TestApp, token: string) => new Client(app, null, null, token);
