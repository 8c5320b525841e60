/**
 * Builds COPY text-format lines straight into Buffers. Cheaper than string concatenation at millions of
 * rows: no rope strings to flatten, no UTF-8 encoding pass, little garbage. Hangul and other non-ASCII
 * words are encoded once up front (see `encode`), digits and dates are written byte by byte.
 */
import { DAY_COUNT, dateText, FIRST_DAY } from './dates.ts';

const CHUNK_BYTES = 1 << 18;
/** No generated line comes near this; a chunk is handed over before less room than this is left. */
const MAX_LINE_BYTES = 4096;

const TAB = 9;
const NEWLINE = 10;
const ZERO = 48;

export const encode = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** 'YYYY-MM-DD' of every day dateText knows, 10 bytes each, so a date is ten byte copies. */
const DATE_BYTES = Buffer.alloc(DAY_COUNT * 10);
for (let d = 0; d < DAY_COUNT; d++) DATE_BYTES.write(dateText(FIRST_DAY + d), d * 10, 'latin1');

export class CopyWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;

  /** True when the current chunk must be handed over (with take) before the next line: check after every line. */
  get full(): boolean {
    return this.pos > CHUNK_BYTES - MAX_LINE_BYTES;
  }

  get empty(): boolean {
    return this.pos === 0;
  }

  /** The bytes written so far; the writer continues in a fresh buffer (the old one now belongs to the stream). */
  take(): Buffer {
    // Typed-array writes past the end are silently dropped; a line longer than MAX_LINE_BYTES would show here.
    if (this.pos > CHUNK_BYTES) throw new Error(`CopyWriter overflow: ${this.pos} bytes in a ${CHUNK_BYTES}-byte chunk`);
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
    return out;
  }

  tab(): void {
    this.buf[this.pos++] = TAB;
  }

  newline(): void {
    this.buf[this.pos++] = NEWLINE;
  }

  /** An ASCII string without COPY-special characters (callers only pass fixed words and ids). */
  ascii(s: string): void {
    const { buf } = this;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Pre-encoded UTF-8 bytes (see `encode`). */
  bytes(b: Uint8Array): void {
    const { buf } = this;
    let p = this.pos;
    for (let i = 0; i < b.length; i++) buf[p++] = b[i] as number;
    this.pos = p;
  }

  /** A non-negative integer in decimal. */
  uint(n: number): void {
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    this.padded(n, digits);
  }

  /** A non-negative integer in decimal, left-padded with zeros to `width` digits (more if it needs them). */
  padded(n: number, width: number): void {
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    if (digits < width) digits = width;
    const { buf } = this;
    let x = n;
    for (let i = this.pos + digits - 1; i >= this.pos; i--) {
      buf[i] = ZERO + (x % 10);
      x = Math.floor(x / 10);
    }
    this.pos += digits;
  }

  /** A day number (days since 1970-01-01, 1940 to 2040) as YYYY-MM-DD. */
  date(day: number): void {
    const at = (day - FIRST_DAY) * 10;
    if (at < 0 || at >= DATE_BYTES.length) throw new Error(`seed date out of range: day ${day}`);
    const { buf } = this;
    const p = this.pos;
    for (let i = 0; i < 10; i++) buf[p + i] = DATE_BYTES[at + i] as number;
    this.pos = p + 10;
  }
}
