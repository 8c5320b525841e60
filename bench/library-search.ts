/**
 * library-search: the study library's search (decision 0017) over a library of generated Korean and
 * English documents, next to the cheapest read of the same table (GET /api/v1/library/items/{id}) in
 * the same run, interleaved, through fastify's inject as a signed-in administrator. Queries: a common
 * English word, a common two-syllable Korean word (no trigram: the LIKE arm scans), a Korean word found
 * only inside compounds (trigram substring), a rare word, and two words. The issue sets no target; the
 * figure is the decision record's ("milliseconds at library scale").
 */
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions, Scale } from './run.ts';

const ITEMS: Record<Scale, number> = { S: 5_000, M: 50_000, L: 200_000 };
const ROUNDS = 100;
const WARMUP = 10;
const WORDS_PER_BODY = 250;

const KOREAN = [
  '학습은',
  '학습모임을',
  '조직의',
  '세포는',
  '성원들이',
  '강령을',
  '함께',
  '읽고',
  '토론한다',
  '노동자',
  '협동조합',
  '수확을',
  '마쳤다',
  '지역',
  '위원회가',
  '결정을',
  '내렸다',
  '모든',
  '사업에서',
  '책임을',
  '다한다',
  '신문',
  '사설',
  '기사를',
];
const ENGLISH = [
  'the',
  'cooperative',
  'harvest',
  'members',
  'study',
  'session',
  'charter',
  'committee',
  'district',
  'workers',
  'union',
  'report',
  'discussed',
  'plan',
  'season',
  'river',
  'meeting',
  'reading',
  'article',
  'editorial',
  'newspaper',
  'solidarity',
  'and',
  'of',
];

const QUERIES: Record<string, string> = {
  english: 'harvest',
  'korean 2 chars': '학습',
  'inside compound': '모임',
  rare: '정상화',
  'two words': 'cooperative 학습',
};

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase();
  let app: BenchApp | undefined;
  try {
    const n = ITEMS[scale];
    console.log(`library-search bench, scale ${scale}: ${n} documents of ${WORDS_PER_BODY} words`);
    console.log(`server: ${bench.server}`);
    const words = [...KOREAN, ...ENGLISH];
    const started = performance.now();
    // Deterministic pseudo-random words (a multiplicative hash of the item and the position); one item in 200 says 정상화하자.
    await bench.pool.query(
      `insert into library_items (kind, title, body_html, body_text, published_at)
       select 'document', t.title, '<p>' || t.body || '</p>', t.body, now()
       from generate_series(1, $2::int) i
       cross join lateral (
         select (select string_agg(($1::text[])[1 + ((i::bigint * 2654435761 + j * 40503) % cardinality($1::text[]))], ' ')
                 from generate_series(1, 6) j) as title,
                (select string_agg(($1::text[])[1 + ((i::bigint * 2246822519 + j * 3266489917 + j * j) % cardinality($1::text[]))], ' ')
                 from generate_series(1, $3::int) j) || case when i % 200 = 0 then ' 정상화하자' else '' end as body) t`,
      [words, n, WORDS_PER_BODY],
    );
    await bench.pool.query('analyze library_items');
    const { rows } = await bench.pool.query<{ size: string }>(`select pg_size_pretty(pg_total_relation_size('library_items')) as size`);
    console.log(`generated in ${round2((performance.now() - started) / 1000)} s, table with indexes ${rows[0]!.size}`);

    app = await startBenchApp(bench);
    const ids = (
      await bench.pool.query<{ id: number }>('select id::int as id from library_items order by md5(id::text) limit 1000')
    ).rows.map((r) => r.id);
    const p = picker(7);
    const samples: Record<string, Samples> = { floor: new Samples() };
    const hits: Record<string, number> = {};
    for (const name of Object.keys(QUERIES)) samples[name] = new Samples();
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const name of p.shuffle(['floor', ...Object.keys(QUERIES)])) {
        const url =
          name === 'floor'
            ? `/api/v1/library/items/${p.pick(ids)}`
            : `/api/v1/library/search?q=${encodeURIComponent(QUERIES[name]!)}&limit=20`;
        const res = await app.request('GET', url);
        if (i >= 0) samples[name]!.add(res.ms);
        if (name !== 'floor') hits[name] = res.body.items.length;
      }
    }
    const floor = samples.floor!;
    printTable(
      [
        { header: 'request' },
        { header: 'query' },
        { header: 'hits shown', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'p95 / floor p95', align: 'right' },
      ],
      Object.entries(samples).map(([name, s]) => [
        name,
        name === 'floor' ? 'GET /library/items/{id}' : QUERIES[name]!,
        name === 'floor' ? '' : String(hits[name]),
        round2(s.p50),
        round2(s.p95),
        round2(s.p95 / floor.p95),
      ]),
    );
    console.log(`peak RSS ${peakRssMb()} MB`);
    const worst = Math.max(...Object.keys(QUERIES).map((k) => samples[k]!.p95));
    printResult({
      bench: 'library-search',
      scale,
      value: round2(worst),
      unit: 'ms p95 (slowest query)',
      limit: round2(floor.p95),
      ratio: round2(worst / floor.p95),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
