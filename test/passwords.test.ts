/** The password policy (ASVS 5.0 V6.2) and the demo accounts' published password. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/http/app.ts';
import { hashPassword } from '../src/server/modules/auth/passwords.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from '../src/server/seed/index.ts';
import { LIMITS } from '../src/shared/enums.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { anonymous, signIn } from './helpers/client.ts';
import { buildAccount } from './helpers/factories.ts';
import { buildOrg } from './helpers/org.ts';

describe('password policy', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
    await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (password: string) =>
    (await signIn(t.app, 'admin@test', 'secret-pass')).post('/api/v1/accounts', {
      login: `new${Math.random().toString(36).slice(2, 8)}@test`,
      password,
    });

  it('refuses a password shorter than the minimum with its own message', async () => {
    const res = await create('a'.repeat(LIMITS.passwordMin - 1));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ messageKey: 'password.tooShort', params: { min: 8 } });
  });

  it('refuses a password longer than the maximum, and takes one of exactly the maximum', async () => {
    const res = await create(`${'x7'.repeat(LIMITS.passwordMax / 2)}y`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ messageKey: 'password.tooLong', params: { max: LIMITS.passwordMax } });
    expect(LIMITS.passwordMax).toBeGreaterThanOrEqual(64);
    expect((await create('x7'.repeat(LIMITS.passwordMax / 2))).status).toBe(201);
  });

  it('counts characters, not bytes: eight Hangul syllables are long enough', async () => {
    expect((await create('우리세포비서동무')).status).toBe(201);
    expect((await create('우리세포비서동')).body.error.messageKey).toBe('password.tooShort');
  });

  it('refuses a common password in any case, and asks for no kinds of characters', async () => {
    for (const common of ['password1', 'PassWord1', 'qwertyuiop', 'iloveyou']) {
      const res = await create(common);
      expect(res.status, common).toBe(400);
      expect(res.body.error.messageKey).toBe('password.common');
    }
    expect((await create('plain lower case words')).status).toBe(201);
  });

  it('holds for a password change too, which then leaves the old password in place', async () => {
    const a = await buildAccount(t.ctx.db, { login: 'changer@test', password: 'first-pass' });
    const client = await signIn(t.app, a.login, 'first-pass');
    const short = await client.post('/api/v1/me/password', { currentPassword: 'first-pass', newPassword: 'short' });
    expect(short.body.error.messageKey).toBe('password.tooShort');
    const common = await client.post('/api/v1/me/password', { currentPassword: 'first-pass', newPassword: 'baseball1' });
    expect(common.body.error.messageKey).toBe('password.common');
    await signIn(t.app, a.login, 'first-pass');
  });
});

describe('demo accounts on an external database', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let embedded: TestApp;
  beforeAll(async () => {
    // DATABASE_URL set is what makes a deployment external; the test still runs on its own database.
    t = await createTestApp({ env: { DATABASE_URL: 'postgres://cellwork@db.example.org:5432/cellwork' } });
    await seedDemo(t.ctx.pool, t.ctx.db);
    embedded = await buildApp({ ...t.ctx, config: { ...t.ctx.config, databaseUrl: undefined } }, { logger: false });
    await embedded.ready();
  }, 240_000);
  afterAll(async () => {
    await embedded.close();
    await t.close();
  });

  it('are flagged as demo accounts by the demo seed', async () => {
    const rows = await t.ctx.db
      .selectFrom('accounts')
      .select(['login', 'demo'])
      .where('login', 'in', [...DEMO_LOGINS])
      .execute();
    expect(rows).toHaveLength(DEMO_LOGINS.length);
    expect(rows.every((r) => r.demo)).toBe(true);
  });

  it('cannot sign in with the demo password there, each with a message that says why', async () => {
    for (const login of DEMO_LOGINS) {
      const res = await anonymous(t.app).post('/api/v1/session', { login, password: DEMO_PASSWORD });
      expect(res.status, login).toBe(401);
      expect(res.body.error.messageKey).toBe('password.demoRefused');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a wrong password to a demo account is only a wrong password', async () => {
    const res = await anonymous(t.app).post('/api/v1/session', { login: 'member@demo', password: 'not-the-demo' });
    expect(res.body.error.messageKey).toBe('auth.wrongCredentials');
  });

  it('sign in with the demo password on the embedded database', async () => {
    await signIn(embedded, 'admin@demo', DEMO_PASSWORD);
  });

  it('an ordinary account with a password set before the policy still signs in there', async () => {
    await t.ctx.db
      .insertInto('accounts')
      .values({ login: 'legacy@example.org', password_hash: await hashPassword('abcd') })
      .execute();
    await signIn(t.app, 'legacy@example.org', 'abcd');
  });
});
