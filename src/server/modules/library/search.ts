/**
 * Full-text search over the library (decision 0017). Two matchers, one ranking:
 * - the `simple` text search configuration with prefix terms (`word:*`): no stemming, so it serves
 *   Korean and English alike and catches a Korean word with its particle (`학습` finds `학습을`);
 * - pg_trgm substring matching (LIKE on the lower-cased title and text, GIN trigram index), which
 *   finds a query inside a longer Korean compound (`모임` in `학습모임`).
 * Snippets are HTML-escaped here and only <mark> is added: ts_headline marks with private-use
 * characters that the stored text never holds, and a substring hit is marked by the same tokens.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import type { SearchHit } from '../../../shared/schemas/library.ts';
import { presentSummary, summaryColumns, visibleItem } from './queries.ts';
import { MARK_CLOSE, MARK_OPEN } from './sanitize.ts';

const MAX_TOKENS = 8;
const EXCERPT_BEFORE = 60;
const EXCERPT_LENGTH = 220;
/** ts_headline parses the whole text it is given: a long document's headline is taken from its beginning (a hit further on gets the excerpt). */
const HEADLINE_CHARS = 20_000;

/** The query's words: letters and digits only (so they are safe in a tsquery and a LIKE pattern), lower case. */
export function tokensOf(q: string): string[] {
  const words = q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** `raw`, HTML-escaped, with every occurrence of a token (any case) wrapped in <mark>. */
export function markTokens(raw: string, tokens: string[]): string {
  if (tokens.length === 0) return escapeHtml(raw);
  const pattern = new RegExp(`(${[...tokens].sort((a, b) => b.length - a.length).join('|')})`, 'giu');
  return raw
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('');
}

/** ts_headline's output (marked with the private-use pair), HTML-escaped, with the pair turned into <mark>. */
const headlineHtml = (s: string) =>
  escapeHtml(s)
    .replaceAll(MARK_OPEN, '<mark>')
    .replaceAll(MARK_CLOSE, '</mark>')
    .replace(/<\/mark>(\s*)<mark>/g, '$1');

export async function searchLibrary(db: Db, actor: Actor, q: string, limit: number): Promise<{ query: string; items: SearchHit[] }> {
  const tokens = tokensOf(q);
  if (tokens.length === 0) return { query: q, items: [] };
  const tsq = sql`to_tsquery('simple', ${tokens.map((t) => `'${t}':*`).join(' & ')})`;
  const substring = sql.join(
    tokens.map((t) => sql`i.search_text like ${`%${t}%`}`),
    sql` and `,
  );
  const inTitle = sql.join(
    tokens.map((t) => sql`lower(i.title) like ${`%${t}%`}`),
    sql` and `,
  );
  const first = tokens[0]!;
  // Two steps: rank every match cheaply (the tsvector's rank and whether the title holds every word) and
  // keep the page; only then build headlines and excerpts, which read the whole text, for those few rows.
  const rows = await db
    .with('hits', (d) =>
      d
        .selectFrom('library_items as i')
        .select([
          'i.id',
          'i.published_at',
          sql<number>`(ts_rank(i.search, ${tsq}) + case when ${inTitle} then 1 else 0 end)::float8`.as('rank'),
          sql<boolean>`i.search @@ ${tsq}`.as('fts'),
        ])
        .where(sql<boolean>`(i.search @@ ${tsq} or (${substring}))`)
        .where(visibleItem(actor))
        .orderBy('rank', 'desc')
        .orderBy('i.published_at', (ob) => ob.desc().nullsLast())
        .orderBy('i.id', 'desc')
        .limit(limit),
    )
    .selectFrom('hits as h')
    .innerJoin('library_items as i', 'i.id', 'h.id')
    .leftJoin('newspaper_issues as n', 'n.id', 'i.issue_id')
    .leftJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      summaryColumns(actor).as('summary'),
      'h.rank',
      'h.fts',
      sql<string | null>`case when h.fts then ts_headline('simple', left(i.body_text, ${HEADLINE_CHARS}), ${tsq},
        ${`StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) end`.as(
        'headline',
      ),
      sql<number>`strpos(lower(i.body_text), ${first})`.as('at'),
      sql<string>`substr(i.body_text, greatest(1, strpos(lower(i.body_text), ${first}) - ${EXCERPT_BEFORE}), ${EXCERPT_LENGTH})`.as(
        'excerpt',
      ),
      sql<number>`length(i.body_text)`.as('length'),
    ])
    .orderBy('h.rank', 'desc')
    .orderBy('h.published_at', (ob) => ob.desc().nullsLast())
    .orderBy('h.id', 'desc')
    .execute();
  return {
    query: q,
    items: rows.map((r) => {
      const start = Math.max(1, r.at - EXCERPT_BEFORE);
      const excerpt = `${start > 1 ? '… ' : ''}${markTokens(r.excerpt, tokens)}${start - 1 + r.excerpt.length < r.length ? ' …' : ''}`;
      // A word hit reads best as ts_headline's fragments; a hit inside a word (Korean compounds) as the excerpt around it.
      const snippetHtml = r.fts && r.headline?.includes(MARK_OPEN) ? headlineHtml(r.headline) : excerpt;
      return { ...presentSummary(r.summary), rank: Number(r.rank), titleHtml: markTokens(r.summary.title, tokens), snippetHtml };
    }),
  };
}
