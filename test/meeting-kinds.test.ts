/**
 * Meeting kinds through the API: an administrator orders them and retires or restores one. A retired
 * kind stays on the list and on its meetings but is refused for new meetings; the default kind and a
 * kind the rulebook refers to today or later cannot be retired; positions stay unique and dense.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

type Kind = { code: string; nameEn: string; nameKo: string; quorum: number | null; retired?: true };

const now = new Date();
const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);

describe('meeting kinds: order and retirement', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let region: Client;
  let secretary: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    region = await signIn(t.app, 'region@test', 'secret-pass');
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  const kinds = async (): Promise<Kind[]> => (await secretary.get('/api/v1/meeting-kinds')).body.items;
  const codes = async () => (await kinds()).map((k) => k.code);
  const positions = async () => await t.ctx.db.selectFrom('meeting_kinds').select(['code', 'position']).orderBy('position').execute();
  const expectDense = async () => {
    const rows = await positions();
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.code)).toEqual(await codes());
  };
  const move = (code: string, direction: string, client = admin) => client.post(`/api/v1/meeting-kinds/${code}/move`, { direction });
  const schedule = (kind: string) => secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, { kind, startsAt: '2026-03-05T18:00:00Z' });
  const audits = (action: string, code: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('entity', '=', 'meeting_kind')
      .where('entity_id', '=', code)
      .execute();

  it('moves a kind up and down; the list follows, the ends stay put, positions stay dense', async () => {
    expect(await codes()).toEqual(['general', 'consultative', 'review', 'study', 'technical', 'other']);
    const up = await move('technical', 'up');
    expect(up.status).toBe(200);
    expect(up.body.items.map((k: Kind) => k.code)).toEqual(['general', 'consultative', 'review', 'technical', 'study', 'other']);
    expect(await codes()).toEqual(['general', 'consultative', 'review', 'technical', 'study', 'other']);
    expect((await move('general', 'down')).status).toBe(200);
    expect(await codes()).toEqual(['consultative', 'general', 'review', 'technical', 'study', 'other']);
    // At the ends there is nowhere to go: the order is answered unchanged.
    expect((await move('consultative', 'up')).body.items.map((k: Kind) => k.code)).toEqual(await codes());
    expect((await move('other', 'down')).status).toBe(200);
    expect(await codes()).toEqual(['consultative', 'general', 'review', 'technical', 'study', 'other']);
    await move('general', 'up');
    await move('technical', 'down');
    expect(await codes()).toEqual(['general', 'consultative', 'review', 'study', 'technical', 'other']);
    await expectDense();
    expect(await audits('meeting-kind.move', 'technical')).toHaveLength(2);
  });

  it('refuses bad moves: unknown kind 404, bad direction or body 400, non-administrators 404', async () => {
    expect((await move('no-such-kind', 'up')).status).toBe(404);
    expect((await move('general', 'sideways')).status).toBe(400);
    expect((await admin.post('/api/v1/meeting-kinds/general/move', { direction: 'up', by: 2 })).status).toBe(400);
    expect((await admin.post('/api/v1/meeting-kinds/general/move', {})).status).toBe(400);
    expect((await move('technical', 'up', region)).status).toBe(404);
    expect((await move('technical', 'up', secretary)).status).toBe(404);
    expect(await codes()).toEqual(['general', 'consultative', 'review', 'study', 'technical', 'other']);
  });

  it('keeps positions unique and dense under concurrent moves and additions', async () => {
    // Five moves up at once take "other" from the bottom to the top: none is lost to another.
    const moves = await Promise.all(Array.from({ length: 5 }, () => move('other', 'up')));
    expect(moves.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await codes()).toEqual(['other', 'general', 'consultative', 'review', 'study', 'technical']);
    const mixed = await Promise.all([
      admin.post('/api/v1/meeting-kinds', { code: 'youth', nameEn: 'Youth session', nameKo: '청년 회의', quorum: null }),
      move('other', 'down'),
      admin.post('/api/v1/meeting-kinds', { code: 'shift', nameEn: 'Shift meeting', nameKo: '교대 회의', quorum: null }),
      move('technical', 'up'),
      admin.post('/api/v1/meeting-kinds', { code: 'party-day', nameEn: 'Party day', nameKo: '당의 날', quorum: 0.5 }),
    ]);
    expect(mixed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await expectDense();
    expect((await codes()).slice(0, 6)).toEqual(['general', 'other', 'consultative', 'review', 'technical', 'study']);
    expect(new Set((await codes()).slice(6))).toEqual(new Set(['youth', 'shift', 'party-day']));
  });

  it('refuses to retire the default kind, an unknown kind, or for non-administrators', async () => {
    const general = await admin.post('/api/v1/meeting-kinds/general/retire', {});
    expect(general.status).toBe(400);
    expect(general.body.error.message).toMatch(/cannot be retired/);
    expect(general.body.error).toMatchObject({
      messageKey: 'meetingKind.defaultKind',
      params: { nameEn: 'General membership meeting', nameKo: '세포총회' },
    });
    expect((await admin.post('/api/v1/meeting-kinds/no-such-kind/retire', {})).status).toBe(404);
    expect((await admin.post('/api/v1/meeting-kinds/no-such-kind/restore', {})).status).toBe(404);
    expect((await region.post('/api/v1/meeting-kinds/study/retire', {})).status).toBe(404);
    expect((await secretary.post('/api/v1/meeting-kinds/study/retire', {})).status).toBe(404);
    expect((await admin.post('/api/v1/meeting-kinds/study/retire', { at: 'now' })).status).toBe(400);
    expect((await kinds()).filter((k) => k.retired)).toEqual([]);
  });

  it('refuses to retire a kind a standard in force or planned refers to, naming the standards', async () => {
    const review = await admin.post('/api/v1/meeting-kinds/review/retire', {});
    expect(review.status).toBe(409);
    expect(review.body.error.message).toContain('A review session at least every 6 weeks (review-session-interval)');
    // Retired from next month, the standard still holds this month: the kind stays.
    const retireStandard = await admin.post('/api/v1/standards', {
      code: 'review-session-interval',
      kind: 'review_interval',
      params: { kind: 'review', weeks: 6 },
      titleEn: 'x',
      titleKo: 'x',
      validFrom: nextMonth,
      retire: true,
    });
    expect(retireStandard.status).toBe(200);
    expect((await admin.post('/api/v1/meeting-kinds/review/retire', {})).status).toBe(409);

    // A standard planned from next month counts too; one that ended long ago does not.
    const planned = await admin.post('/api/v1/standards', {
      code: 'monthly-technical',
      kind: 'meetings_per_month',
      params: { kind: 'technical', min: 1 },
      titleEn: 'A technical session a month',
      titleKo: '매월 기술학습',
      validFrom: nextMonth,
    });
    expect(planned.status).toBe(200);
    const technical = await admin.post('/api/v1/meeting-kinds/technical/retire', {});
    expect(technical.status).toBe(409);
    expect(technical.body.error.message).toContain('A technical session a month (monthly-technical)');
    expect(technical.body.error.details.standards).toEqual([
      { code: 'monthly-technical', titleEn: 'A technical session a month', titleKo: '매월 기술학습' },
    ]);
    expect(technical.body.error).toMatchObject({
      messageKey: 'meetingKind.usedByStandards',
      params: { standardsEn: 'A technical session a month (monthly-technical)', standardsKo: '매월 기술학습 (monthly-technical)' },
    });
    await t.ctx.db
      .insertInto('standards')
      .values({
        code: 'old-study',
        kind: 'meetings_per_month',
        params: JSON.stringify({ kind: 'study', min: 1 }),
        title_en: 'Old',
        title_ko: 'Old',
        valid_from: '2001-01-01',
        valid_to: '2002-01-01',
      })
      .execute();
    expect((await admin.post('/api/v1/meeting-kinds/study/retire', {})).status).toBe(200);
    expect((await admin.post('/api/v1/meeting-kinds/study/restore', {})).status).toBe(200);
  });

  it('retires a kind: listed and kept on its meetings, refused for new ones; restoring undoes it', async () => {
    const held = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'consultative', startsAt: '2026-02-05T18:00:00Z' });
    const res = await admin.post('/api/v1/meeting-kinds/consultative/retire', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 'consultative', nameEn: 'Consultative meeting', nameKo: '협의회', quorum: null, retired: true });
    const listed = await kinds();
    expect(listed.find((k) => k.code === 'consultative')).toEqual(res.body);
    expect(listed.filter((k) => k.retired).map((k) => k.code)).toEqual(['consultative']);
    expect(listed.find((k) => k.code === 'general')).toEqual({
      code: 'general',
      nameEn: 'General membership meeting',
      nameKo: '세포총회',
      quorum: 0.5,
    });

    const meeting = await secretary.get(`/api/v1/meetings/${held.id}`);
    expect(meeting.status).toBe(200);
    expect(meeting.body.kind).toBe('consultative');
    const list = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/meetings`);
    expect(list.body.items.find((m: { id: number }) => m.id === held.id)).toMatchObject({ kind: 'consultative' });

    const refused = await schedule('consultative');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('The meeting kind Consultative meeting (consultative) is retired: new meetings cannot use it');
    expect(refused.body.error).toMatchObject({
      messageKey: 'meeting.kindRetired',
      params: { kind: 'consultative', nameEn: 'Consultative meeting', nameKo: '협의회' },
    });
    expect((await schedule('general')).status).toBe(201);

    // Retiring again changes nothing; the audit has one entry.
    expect((await admin.post('/api/v1/meeting-kinds/consultative/retire', {})).body.retired).toBe(true);
    const [audit] = await audits('meeting-kind.retire', 'consultative');
    expect(audit).toMatchObject({ account_id: org.accounts.admin.id, before: expect.objectContaining({ retired_at: null }) });
    expect(await audits('meeting-kind.retire', 'consultative')).toHaveLength(1);

    expect((await region.post('/api/v1/meeting-kinds/consultative/restore', {})).status).toBe(404);
    const restored = await admin.post('/api/v1/meeting-kinds/consultative/restore', {});
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ code: 'consultative', nameEn: 'Consultative meeting', nameKo: '협의회', quorum: null });
    expect((await kinds()).some((k) => k.retired)).toBe(false);
    expect((await schedule('consultative')).status).toBe(201);
    expect(await audits('meeting-kind.restore', 'consultative')).toHaveLength(1);
    await expectDense();
  });
});
