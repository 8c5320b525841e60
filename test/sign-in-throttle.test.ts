/** The sign-in throttle (decision 0008): counted before the password is checked, atomically. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/server/modules/auth/throttle.ts';
import { createTestApp } from './helpers/app.ts';
import { buildAccount } from './helpers/factories.ts';

describe('sign-in throttle', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (login: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password }, remoteAddress: ip }).then((r) => r.statusCode);
  const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  it('blocks one address guessing one account after the limit, the right password too, with Retry-After', async () => {
    await buildAccount(t.ctx.db, { login: 'target@test', password: 'right-pass' });
    for (let i = 0; i < LIMITS.pair; i++) expect(await attempt('target@test', `wrong-${i}`, '10.0.0.1')).toBe(401);
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login: 'target@test', password: 'right-pass' },
      remoteAddress: '10.0.0.1',
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(blocked.body).error).toMatchObject({ code: 'rate_limited', messageKey: 'auth.tooManyAttempts' });
    // The account's owner at another address still gets in, and so do others at the blocked address.
    await buildAccount(t.ctx.db, { login: 'colleague@test', password: 'colleague-pass' });
    expect(await attempt('colleague@test', 'colleague-pass', '10.0.0.1')).toBe(200);
    expect(await attempt('target@test', 'right-pass', '10.0.0.2')).toBe(200);
  });

  it('20 wrong passwords at once from one address: only the limit is checked, the rest 429', async () => {
    await buildAccount(t.ctx.db, { login: 'raced@test', password: 'raced-pass' });
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt('raced@test', `wrong-${i}`, '10.0.1.1')));
    expect(tally(statuses)).toEqual({ 401: LIMITS.pair, 429: 20 - LIMITS.pair });
  });

  it('guesses at one account from many addresses at once stop at the account limit', async () => {
    await buildAccount(t.ctx.db, { login: 'spread@test', password: 'spread-pass' });
    const n = LIMITS.account + 10;
    const statuses = await Promise.all(
      Array.from({ length: n }, (_, i) => attempt('spread@test', `wrong-${i}`, `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`)),
    );
    expect(tally(statuses)).toEqual({ 401: LIMITS.account, 429: 10 });
  });

  it('one address trying many accounts at once stops at the address limit, for every account', async () => {
    const ip = '10.3.0.1';
    const n = LIMITS.ip + 20;
    const statuses = await Promise.all(Array.from({ length: n }, (_, i) => attempt(`nobody${i}@test`, 'wrong-pass', ip)));
    expect(tally(statuses)).toEqual({ 401: LIMITS.ip, 429: 20 });
    await buildAccount(t.ctx.db, { login: 'behind-nat@test', password: 'nat-pass-1' });
    expect(await attempt('behind-nat@test', 'nat-pass-1', ip)).toBe(429);
    expect(await attempt('behind-nat@test', 'nat-pass-1', '10.3.0.2')).toBe(200);
  });

  it('successful sign-ins do not add up against an address', async () => {
    await buildAccount(t.ctx.db, { login: 'busy@test', password: 'busy-pass-1' });
    for (let i = 0; i < LIMITS.pair + 2; i++) expect(await attempt('busy@test', 'busy-pass-1', '10.4.0.1')).toBe(200);
    const row = await t.ctx.db.selectFrom('sign_in_throttle').select('failures').where('key', '=', 'ip:10.4.0.1').executeTakeFirst();
    expect(row?.failures ?? 0).toBe(0);
  });
});
