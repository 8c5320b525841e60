/** Streaming text-format COPY: a generator yields ready chunks and the socket's backpressure paces it. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Lines are batched into chunks of about this many UTF-16 units before they go to the socket. */
export const CHUNK_CHARS = 1 << 16;

/** COPY text format's NULL. */
export const NULL = '\\N';

export async function copyChunks(
  client: pg.PoolClient,
  statement: string,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<number> {
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from(chunks), stream);
  return stream.rowCount;
}

export type SeedProgress = { phase: string; done: number; total: number };

/** Calls onProgress at most once per interval (plus the final, forced report), so a hot loop can call it freely. */
export class ProgressThrottle {
  private last = -Infinity;

  constructor(
    private readonly onProgress: ((p: SeedProgress) => void) | undefined,
    private readonly intervalMs = 100,
  ) {}

  report(phase: string, done: number, total: number, force = false): void {
    if (!this.onProgress) return;
    const now = performance.now();
    if (!force && now - this.last < this.intervalMs) return;
    this.last = now;
    this.onProgress({ phase, done, total });
  }
}
