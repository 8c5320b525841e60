/**
 * Education through the API (issue 12): programmes of themes defined by administrators, study meetings
 * on themes, learning plans set by the secretary and completed by attendance (a corrected roll
 * un-completes), enrolments by the member or their secretary, a committee's counts, the member's export
 * and erasure, and bad input answered with a 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();
const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

describe('education', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let member: Client;
  let secretary: Client;
  let region: Client;
  let reader: Client;
  let outsider: Client;
  let themes: Array<{ id: number; title: string }>;
  let programmeId: number;

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    admin = await as('admin@test');
    member = await as('member@test');
    secretary = await as('secretary@test');
    region = await as('region@test');
    reader = await as('reader@test');
    outsider = await as('outsider@test');
  });
  afterAll(async () => {
    await t.close();
  });

  it('administrators define programmes of themes; everyone reads them; nobody else writes', async () => {
    const created = await admin.post('/api/v1/programmes', {
      title: 'Basic programme',
      themes: [
        { title: "The organization's line and policies" },
        { title: 'The charter and organizational life', summary: 'Articles 1–10', planMinutes: 20, planFormat: 'collective' },
        { title: 'Work skills and science and technology', materialUrl: 'https://example.org/skills' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.themes.map((th: { title: string }) => th.title)).toEqual([
      "The organization's line and policies",
      'The charter and organizational life',
      'Work skills and science and technology',
    ]);
    expect(created.body.themes[1]).toMatchObject({ planMinutes: 20, planFormat: 'collective', retired: false });
    programmeId = created.body.id;
    themes = created.body.themes;

    for (const c of [member, secretary, region, reader]) {
      expect((await c.get('/api/v1/programmes')).body.items.map((p: { id: number }) => p.id)).toEqual([programmeId]);
      expect((await c.post('/api/v1/programmes', { title: 'x', themes: [{ title: 'y' }] })).status).toBe(404);
      expect((await c.patch(`/api/v1/programmes/${programmeId}`, { title: 'x' })).status).toBe(404);
    }
    expect((await admin.post('/api/v1/programmes', { title: 'No themes', themes: [] })).status).toBe(400);
    expect(
      (await admin.post('/api/v1/programmes', { title: 'Bad link', themes: [{ title: 'x', materialUrl: 'javascript:alert(1)' }] })).status,
    ).toBe(400);
    expect((await admin.post('/api/v1/programmes', { title: 'No item', themes: [{ title: 'x', itemIds: [999999] }] })).status).toBe(400);
    expect((await admin.get('/api/v1/programmes/999999')).status).toBe(404);
  });

  it('edits a programme: adds, changes and retires themes; a theme of another programme is refused', async () => {
    const edited = await admin.patch(`/api/v1/programmes/${programmeId}`, {
      addThemes: [{ title: 'History and traditions' }, { title: 'Ethics and conduct in a role' }],
      updateThemes: [{ id: themes[0]!.id, planText: 'Ten minutes before the shift' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.themes).toHaveLength(5);
    expect(edited.body.themes[0].planText).toBe('Ten minutes before the shift');
    themes = edited.body.themes;
    const other = await admin.post('/api/v1/programmes', { title: 'Other', themes: [{ title: 'Elsewhere' }] });
    const foreign = await admin.patch(`/api/v1/programmes/${programmeId}`, { retireThemeIds: [other.body.themes[0].id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.messageKey).toBe('education.themesNotFound');
    const retired = await admin.patch(`/api/v1/programmes/${programmeId}`, { retireThemeIds: [themes[4]!.id] });
    expect(retired.body.themes[4]).toMatchObject({ id: themes[4]!.id, retired: true });
  });

  it('the secretary sets a member’s plan; unknown or retired themes, out-of-scope people and members are refused', async () => {
    const url = `/api/v1/people/${org.M.id}/learning-plan`;
    const set = await put(secretary, url, { themeIds: [themes[0]!.id, themes[1]!.id, themes[2]!.id] });
    expect(set.status).toBe(200);
    expect(set.body.themes.map((th: { id: number }) => th.id)).toEqual([themes[0]!.id, themes[1]!.id, themes[2]!.id]);
    expect(set.body.current).toBe(true);
    expect(set.body.history[0]).toMatchObject({ setBy: 'secretary@test' });

    const unknown = await put(secretary, url, { themeIds: [999999] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.messageKey).toBe('education.themesNotFound');
    const retired = await put(secretary, url, { themeIds: [themes[4]!.id] });
    expect(retired.status).toBe(400);
    expect(retired.body.error.messageKey).toBe('education.themesRetired');
    expect((await put(secretary, `/api/v1/people/${org.Q.id}/learning-plan`, { themeIds: [themes[0]!.id] })).status).toBe(404);
    expect((await put(member, url, { themeIds: [themes[0]!.id] })).status).toBe(404);
    expect((await put(member, `/api/v1/people/${org.P.id}/learning-plan`, { themeIds: [themes[0]!.id] })).status).toBe(404);
    expect((await put(reader, url, { themeIds: [themes[0]!.id] })).status).toBe(404);
    expect((await put(region, `/api/v1/people/${org.P.id}/learning-plan`, { themeIds: [themes[3]!.id] })).status).toBe(200);

    const mine = await member.get('/api/v1/me/learning-plan');
    expect(mine.status).toBe(200);
    expect(mine.body.themes).toEqual([
      expect.objectContaining({
        id: themes[0]!.id,
        title: themes[0]!.title,
        completed: false,
        programme: expect.objectContaining({ title: 'Basic programme' }),
      }),
      expect.objectContaining({ id: themes[1]!.id, completed: false }),
      expect.objectContaining({ id: themes[2]!.id, completed: false }),
    ]);
    expect(mine.body.history).toBeUndefined();
    expect((await secretary.get(url)).body.history).toHaveLength(1);
    expect((await member.get(`/api/v1/people/${org.P.id}/learning-plan`)).status).toBe(404);
    expect((await outsider.get(url)).status).toBe(404);
  });

  it('attending a study meeting on themes completes them; un-marking attendance un-completes', async () => {
    const refused = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, {
      kind: 'general',
      startsAt: yesterday(),
      themeIds: [themes[0]!.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.messageKey).toBe('education.notStudyMeeting');
    const retired = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, {
      kind: 'study',
      startsAt: yesterday(),
      themeIds: [themes[4]!.id],
    });
    expect(retired.status).toBe(400);

    const created = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, {
      kind: 'study',
      startsAt: yesterday(),
      themeIds: [themes[0]!.id, themes[1]!.id],
      format: 'collective',
      timing: 'before_work',
    });
    expect(created.status).toBe(201);
    const meetingId = created.body.id;
    const linked = await member.get(`/api/v1/meetings/${meetingId}/themes`);
    expect(linked.body).toMatchObject({ format: 'collective', timing: 'before_work' });
    expect(linked.body.themes.map((th: { id: number }) => th.id)).toEqual([themes[0]!.id, themes[1]!.id]);

    const roll = (status: 'present' | 'absent') => ({
      version: created.body.version,
      records: created.body.roll.map((r: { personId: number }) => ({
        personId: r.personId,
        status: r.personId === org.M.id ? status : 'present',
      })),
    });
    const held = await put(secretary, `/api/v1/meetings/${meetingId}/attendance`, roll('present'));
    expect(held.status).toBe(200);
    const completed = (await member.get('/api/v1/me/learning-plan')).body.themes.map((th: { completed: boolean }) => th.completed);
    expect(completed).toEqual([true, true, false]);
    expect((await member.get('/api/v1/me/learning-plan')).body.themes[0].completedOn).toBe(yesterday().slice(0, 10));

    const corrected = await put(secretary, `/api/v1/meetings/${meetingId}/attendance`, { ...roll('absent'), version: held.body.version });
    expect(corrected.status).toBe(200);
    expect((await member.get('/api/v1/me/learning-plan')).body.themes.every((th: { completed: boolean }) => !th.completed)).toBe(true);

    await put(secretary, `/api/v1/meetings/${meetingId}/attendance`, { ...roll('present'), version: corrected.body.version });
    // The themes can be changed after the meeting, by its cell's secretary or a committee above; not by a member.
    expect((await put(member, `/api/v1/meetings/${meetingId}/themes`, { themeIds: [] })).status).toBe(404);
    const changed = await put(region, `/api/v1/meetings/${meetingId}/themes`, { themeIds: [themes[0]!.id] });
    expect(changed.status).toBe(200);
    expect((await member.get('/api/v1/me/learning-plan')).body.themes.map((th: { completed: boolean }) => th.completed)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('a theme also completes by reading its library material', async () => {
    const doc = await admin.post('/api/v1/library/documents', { kind: 'charter', title: 'Charter', body: 'Article 1.' });
    await admin.patch(`/api/v1/programmes/${programmeId}`, { updateThemes: [{ id: themes[2]!.id, itemIds: [doc.body.id] }] });
    expect((await member.get('/api/v1/me/learning-plan')).body.themes[2].completed).toBe(false);
    expect((await member.post('/api/v1/me/reading-log', { itemId: doc.body.id })).status).toBeLessThan(300);
    expect((await member.get('/api/v1/me/learning-plan')).body.themes[2].completed).toBe(true);
  });

  it('enrolments are recorded by the member or their secretary; bad dates and strangers are refused', async () => {
    const own = await member.post(`/api/v1/people/${org.M.id}/enrolments`, {
      course: 'Mechanical engineering',
      institution: 'Factory college',
      kind: 'evening',
      startsOn: '2026-09-01',
      expectedEndOn: '2029-06-30',
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ personId: org.M.id, status: 'enrolled', kind: 'evening' });
    const bySecretary = await secretary.post(`/api/v1/people/${org.M.id}/enrolments`, {
      course: 'Welding',
      institution: 'Online',
      kind: 'online',
      startsOn: '2026-01-10',
      status: 'completed',
    });
    expect(bySecretary.status).toBe(201);
    const backwards = await member.post(`/api/v1/people/${org.M.id}/enrolments`, {
      course: 'x',
      institution: 'y',
      kind: 'other',
      startsOn: '2026-09-01',
      expectedEndOn: '2026-08-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.messageKey).toBe('education.endBeforeStart');
    expect(
      (await member.post(`/api/v1/people/${org.M.id}/enrolments`, { course: 'x', institution: 'y', kind: 'nap', startsOn: '2026-09-01' }))
        .status,
    ).toBe(400);
    expect(
      (await member.post(`/api/v1/people/${org.P.id}/enrolments`, { course: 'x', institution: 'y', kind: 'other', startsOn: '2026-09-01' }))
        .status,
    ).toBe(404);
    expect((await outsider.get(`/api/v1/people/${org.M.id}/enrolments`)).status).toBe(404);
    expect((await member.get(`/api/v1/people/${org.P.id}/enrolments`)).status).toBe(404);

    const patched = await member.patch(`/api/v1/enrolments/${own.body.id}`, { status: 'withdrawn' });
    expect(patched.body.status).toBe('withdrawn');
    expect((await member.patch(`/api/v1/enrolments/${own.body.id}`, { expectedEndOn: '2026-01-01' })).status).toBe(400);
    expect((await outsider.patch(`/api/v1/enrolments/${own.body.id}`, { status: 'completed' })).status).toBe(404);
    expect((await secretary.get(`/api/v1/people/${org.M.id}/enrolments`)).body.items.map((e: { id: number }) => e.id)).toEqual([
      own.body.id,
      bySecretary.body.id,
    ]);
  });

  it('committees see counts over their subtree; others see nothing', async () => {
    const period = new Date().toISOString().slice(0, 7);
    const tech = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, { kind: 'technical', startsAt: yesterday() });
    await put(secretary, `/api/v1/meetings/${tech.body.id}/attendance`, {
      version: tech.body.version,
      records: tech.body.roll.map((r: { personId: number }, i: number) => ({
        personId: r.personId,
        status: i === 0 ? 'absent' : 'present',
      })),
    });
    const counts = await region.get(`/api/v1/units/${org.regionA.id}/education?period=${period}`);
    expect(counts.status).toBe(200);
    const yesterdayMonth = yesterday().slice(0, 7);
    if (yesterdayMonth === period) {
      expect(counts.body).toMatchObject({
        educationSessions: 1,
        technicalSessions: 1,
        technicalAttendance: { present: 2, expected: 3 },
        learningPlans: { current: 2, members: 3 },
      });
      expect(counts.body.themesCompleted).toBeGreaterThanOrEqual(2);
    }
    expect(counts.body.enrolments).toEqual(
      expect.arrayContaining([
        { kind: 'evening', status: 'withdrawn', members: 1 },
        { kind: 'online', status: 'completed', members: 1 },
      ]),
    );
    const other = await region.get(`/api/v1/units/${org.regionB.id}/education?period=${period}`);
    expect(other.status).toBe(404);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/education?period=2026-13`)).status).toBe(400);
  });

  it("the member's export carries their plan, completions and enrolments; erasure removes them", async () => {
    const exported = await member.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    const data = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
    expect(data.education.learningPlan.themes).toHaveLength(3);
    expect(data.education.completions.map((c: { themeId: number }) => c.themeId).sort()).toEqual([themes[0]!.id, themes[2]!.id].sort());
    expect(data.education.enrolments).toHaveLength(2);

    const erased = await admin.post(`/api/v1/people/${org.M.id}/erase`, {});
    expect(erased.status).toBeLessThan(300);
    const left = await t.ctx.db.selectFrom('enrolments').select('id').where('person_id', '=', org.M.id).execute();
    expect(left).toEqual([]);
    const plans = await t.ctx.db.selectFrom('learning_plan_history').select('id').where('person_id', '=', org.M.id).execute();
    expect(plans).toEqual([]);
  });
});
