/**
 * Rows generated cell by cell, loaded month by month: each calendar month's rows go to their own temp
 * file, and the files are loaded oldest first. A live system receives attendance as meetings happen,
 * so a month's rows sit together on disk; loading them cell by cell instead would scatter every month
 * over the whole table, a layout no real organization has (and the worst case for a monthly read).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sink } from './activity-rows.ts';

/** A calendar month as one number (year * 12 + month index) from a day number (days since 1970-01-01). */
export function monthOfDay(day: number): number {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export class MonthSpool {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-seed-'));
  private readonly sinks = new Map<number, Sink>();

  /** The sink for the rows of the month holding `day`. */
  sink(day: number): Sink {
    const month = monthOfDay(day);
    let sink = this.sinks.get(month);
    if (!sink) this.sinks.set(month, (sink = new Sink()));
    return sink;
  }

  /** Moves what the sinks hold to the months' files. */
  async flush(): Promise<void> {
    for (const [month, sink] of this.sinks) {
      const chunks = sink.drain();
      if (chunks.length) await fs.promises.appendFile(this.file(month), Buffer.concat(chunks));
    }
  }

  /** Each month's rows as a stream of chunks, oldest month first. */
  *months(): Generator<AsyncIterable<Buffer>> {
    for (const month of [...this.sinks.keys()].sort((a, b) => a - b)) {
      if (fs.existsSync(this.file(month))) yield fs.createReadStream(this.file(month), { highWaterMark: 1 << 16 });
    }
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private file(month: number): string {
    return path.join(this.dir, `month-${month}.tsv`);
  }
}
