/**
 * JSON bodies are refused, not repaired, when their text is not Unicode: bytes that are not UTF-8 (which
 * decoding would turn into U+FFFD) and lone surrogate escapes such as "\ud800" (which no UTF-8 text or
 * PostgreSQL column can hold). See docs/decisions/0012-invalid-unicode-refused.md.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../errors.ts';

export function registerJsonBody(app: FastifyInstance): void {
  // Fastify's own parser keeps its checks (empty body, __proto__ and constructor poisoning refused).
  const parseText = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) return done(badRequest('input.notUtf8'));
    parseText(req, bytes.toString('utf8'), (err, value) => {
      if (err) return done(err);
      if (!isWellFormed(value)) return done(badRequest('input.loneSurrogate'));
      done(null, value);
    });
  });
}

// With the u flag a surrogate pair is one code point, so this matches only a surrogate standing alone.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const wellFormedText = (s: string) => !LONE_SURROGATE.test(s);

/** Every string, keys included, is well-formed UTF-16 (no unpaired surrogate). */
export function isWellFormed(value: unknown): boolean {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) return value.every(isWellFormed);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => wellFormedText(k) && isWellFormed(v));
  }
  return true;
}
