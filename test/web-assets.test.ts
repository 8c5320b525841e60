/**
 * The built web app as the server sends it: the entry script is split from the pages (well under the
 * 1.5 MB single bundle it was), sent brotli- or gzip-compressed to a client that accepts it, unchanged
 * to one that does not, and index.html is always revalidated. (The global setup builds the app.)
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
let close: () => Promise<void>;
let entry: string;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  const index = await app.inject({ method: 'GET', url: '/' });
  expect(index.statusCode).toBe(200);
  expect(index.headers['cache-control']).toBe('no-cache');
  entry = /<script type="module" crossorigin src="([^"]+)"/.exec(index.body)![1]!;
});
afterAll(async () => close());

describe('the web app as served', () => {
  it('keeps the first load small: the pages and the other language come in their own chunks', async () => {
    const res = await app.inject({ method: 'GET', url: entry });
    expect(res.statusCode).toBe(200);
    // What every first page downloads before it draws: the entry and the chunks index.html preloads
    // with it (the bundler splits shared code out of the entry), without the reader's language (about
    // 100 KB, loaded next). 850 KB; it was 960 KB with both languages inside.
    const index = (await app.inject({ method: 'GET', url: '/' })).body;
    const preloaded = [...index.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]!);
    let firstLoad = res.rawPayload.length;
    for (const url of preloaded)
      firstLoad += (await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } })).rawPayload.length;
    expect(firstLoad).toBeLessThan(850 * 1024);
    const chunks = fs.readdirSync(path.resolve(import.meta.dirname, '../dist/web/assets')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => f.startsWith('meeting-page-'))).toBe(true);
    expect(chunks.some((f) => f.startsWith('rulebook-page-'))).toBe(true);
    // Each language's texts are a chunk of their own, in none of the first load's scripts.
    expect(chunks.some((f) => f.startsWith('en-'))).toBe(true);
    expect(chunks.some((f) => f.startsWith('ko-'))).toBe(true);
    const firstScripts = [entry, ...preloaded];
    for (const url of firstScripts) {
      const text = (await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } })).body;
      expect(text).not.toContain('조직생활 현황');
      expect(text).not.toContain('Carrying out');
      // The rich-text editor (tiptap, ProseMirror) comes only with a form that shows it.
      expect(text).not.toContain('ProseMirror');
    }
    expect(chunks.some((f) => f.startsWith('rich-text-editor-'))).toBe(true);
  });

  it('sends the entry script compressed to a client that accepts brotli or gzip, plain to one that accepts neither', async () => {
    const plain = await app.inject({ method: 'GET', url: entry, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toContain('immutable');
    const original = plain.rawPayload;

    const br = await app.inject({ method: 'GET', url: entry, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(original.length / 3);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await app.inject({ method: 'GET', url: entry, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(original)).toBe(true);
  });

  it('serves index.html for a client-side route, revalidated on every load', async () => {
    const res = await app.inject({ method: 'GET', url: '/meetings/1', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(res.rawPayload) : res.rawPayload;
    expect(body.toString('utf8')).toContain('<div id="root">');
  });
});
