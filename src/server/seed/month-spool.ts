/**
 * Rows generated cell by cell, loaded month by month: each month's rows go to their own temp file,
 * and the files are loaded oldest first. A live system receives attendance as meetings happen, so a
 * month's rows sit together on disk; loading them cell by cell instead would scatter every month
 * over the whole table, a layout no real organization has (and the worst case for a monthly read).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sink } from './activity-rows.ts';

export class MonthSpool {
  readonly sinks: Sink[];
  private readonly dir: string;
  private readonly files: string[];

  constructor(months: number) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-seed-'));
    this.sinks = Array.from({ length: months }, () => new Sink());
    this.files = this.sinks.map((_, i) => path.join(this.dir, `month-${i}.tsv`));
  }

  /** Moves what the sinks hold to the months' files. */
  async flush(): Promise<void> {
    for (const [i, sink] of this.sinks.entries()) {
      const chunks = sink.drain();
      if (chunks.length) await fs.promises.appendFile(this.files[i]!, Buffer.concat(chunks));
    }
  }

  /** Month i's rows as a stream of chunks (nothing if the month had none). */
  read(i: number): AsyncIterable<Buffer> | Buffer[] {
    return fs.existsSync(this.files[i]!) ? fs.createReadStream(this.files[i]!, { highWaterMark: 1 << 16 }) : [];
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
