/** Output shared by every benchmark: a human-readable table, then exactly one JSON line to parse. */

export type Column = { header: string; align?: 'left' | 'right' };

export function printTable(columns: Column[], rows: Array<Array<string | number>>): void {
  const cells = rows.map((r) => r.map((v) => (typeof v === 'number' ? formatNumber(v) : v)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: string[]) =>
    values.map((v, i) => ((columns[i]?.align ?? 'right') === 'left' ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(columns.map((c) => c.header)));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : 1 });
}

export type BenchResult = { bench: string; scale: string; value: number; unit: string; limit: number; ratio: number };

/** The last line of every benchmark's output. */
export function printResult(result: BenchResult): void {
  console.log(JSON.stringify(result));
}
