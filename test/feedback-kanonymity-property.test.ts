/**
 * The three-author rule against random sessions (issue 12, decision 0021): random authors, subjects,
 * named and anonymous items in a random order, a close at a random point (feedback after it refused),
 * then every read through the public API: the person themself, their secretary, and the person's own
 * export. No read ever shows anonymous feedback about a person with fewer than three distinct anonymous
 * authors in that session (nor before it closes); no anonymous item carries an author, an id or a time
 * finer than a day; and the order shown is the texts' order, whatever the order of writing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg } from './helpers/org.ts';
import { buildReview, buildReviewers } from './helpers/reviews.ts';

type Person = { personId: number; client: Client };
type Item = { author: number; about: number; anonymous: boolean; text: string };
type Shown = { meetingId: number; meetsOn: string; text: string; anonymous: boolean; author?: { personId: number; fullName: string } };

const PEOPLE = 6;
const itemArb = fc.record({
  author: fc.integer({ min: 0, max: PEOPLE - 1 }),
  about: fc.integer({ min: 0, max: PEOPLE - 1 }),
  anonymous: fc.boolean(),
  text: fc.stringMatching(/^[a-z]{1,5}$/),
});
const sessionArb = fc.record({
  items: fc.array(itemArb, { maxLength: 24 }),
  /** The secretary closes the session before this item (beyond the end: after all; null: never). */
  closeAt: fc.option(fc.integer({ min: 0, max: 26 }), { nil: null }),
});

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('k-anonymity of feedback (property)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let cellId: number;
  let people: Person[];
  let secretary: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await buildOrg(t.ctx.db);
    cellId = org.cellA1a.id;
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    // The secretary is on the roll too: members give their secretary feedback.
    people = [{ personId: org.S.id, client: secretary }, ...(await buildReviewers(t.ctx.db, t.app, org, PEOPLE - 1, 'prop'))];
  });
  afterAll(async () => {
    await t.close();
  });

  /** What one reader got about `about` in the session, checked against what was accepted. */
  function check(shown: Shown[], meetingId: number, accepted: Item[], about: number, closed: boolean) {
    const mine = shown.filter((s) => s.meetingId === meetingId);
    const anonymous = accepted.filter((i) => i.about === about && i.anonymous);
    const authors = new Set(anonymous.map((i) => i.author)).size;
    const released = closed && authors >= 3;
    const shownAnonymous = mine.filter((s) => s.anonymous);
    expect(shownAnonymous.map((s) => s.text)).toEqual(released ? anonymous.map((i) => i.text).sort(byCodePoint) : []);
    for (const s of shownAnonymous) {
      expect(Object.keys(s).sort()).toEqual(['anonymous', 'meetingId', 'meetsOn', 'text']);
      expect(s.meetsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const named = accepted.filter((i) => i.about === about && !i.anonymous);
    expect(mine.filter((s) => !s.anonymous).map((s) => [s.text, s.author?.personId])).toEqual(
      named
        .map((i) => [i.text, people[i.author]!.personId] as const)
        .sort((a, b) => byCodePoint(a[0], b[0]) || a[1] - b[1])
        .map(([text, id]) => [text, id]),
    );
    // The whole list is in text order: nothing in it follows the order of writing.
    expect(mine.map((s) => s.text)).toEqual(mine.map((s) => s.text).sort(byCodePoint));
  }

  it('no read shows anonymous feedback from fewer than three authors, or with anything that identifies its author', async () => {
    await fc.assert(
      fc.asyncProperty(sessionArb, async ({ items, closeAt }) => {
        const meetingId = (await buildReview(t.ctx.db, cellId)).id;
        const accepted: Item[] = [];
        const given = new Set<string>();
        let closed = false;
        for (const [n, item] of items.entries()) {
          if (closeAt === n) closed = (await secretary.post(`/api/v1/meetings/${meetingId}/review/close`, {})).status === 200;
          const body = { aboutPersonId: people[item.about]!.personId, text: item.text, anonymous: item.anonymous };
          const res = await people[item.author]!.client.post(`/api/v1/meetings/${meetingId}/feedback`, body);
          const once = `${item.author}/${item.about}/${item.anonymous}`;
          const expected = closed ? 409 : item.author === item.about ? 400 : given.has(once) ? 409 : 201;
          expect(res.status).toBe(expected);
          if (res.status !== 201) continue;
          given.add(once);
          accepted.push(item);
          expect(Object.keys(res.body).sort()).toEqual(['aboutPersonId', 'anonymous', 'meetingId', 'text']);
        }
        if (closeAt !== null && closeAt >= items.length) {
          closed = (await secretary.post(`/api/v1/meetings/${meetingId}/review/close`, {})).status === 200;
        }
        for (const [about, person] of people.entries()) {
          const url = `/api/v1/people/${person.personId}/feedback?meeting=${meetingId}`;
          check((await person.client.get(url)).body.items, meetingId, accepted, about, closed);
          if (about !== 0) check((await secretary.get(url)).body.items, meetingId, accepted, about, closed);
          const exported = (await person.client.get('/api/v1/me/export')).body.reviews;
          check(exported.feedbackAboutYou.items, meetingId, accepted, about, closed);
          // The author's own export holds every item they wrote in the session, anonymous ones included.
          const wrote = exported.feedbackGiven.filter((f: { meetingId: number }) => f.meetingId === meetingId);
          const expectedWrote = accepted.filter((i) => i.author === about);
          expect(wrote.map((f: { text: string; anonymous: boolean }) => `${f.anonymous}:${f.text}`).sort()).toEqual(
            expectedWrote.map((i) => `${i.anonymous}:${i.text}`).sort(),
          );
        }
      }),
      { numRuns: 30 },
    );
  });
});
