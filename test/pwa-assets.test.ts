/**
 * The installable app as the server sends it (issue 16): the manifest with its icons, and the service
 * worker at the site's root, revalidated on every load so a new build's worker is picked up; the worker
 * precaches the app shell and the offline screens only, and never routes /api (personal data stays out
 * of its caches).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';

let app: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
});
afterAll(async () => close());

describe('the installable app', () => {
  it('serves a manifest with a name, a theme colour and icons that exist', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.body).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(index.body).toContain('name="theme-color"');
    const res = await app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/manifest\+json|application\/json/);
    const manifest = res.json() as {
      name: string;
      short_name: string;
      theme_color: string;
      start_url: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe('Cellwork');
    expect(manifest.short_name).toBe('Cellwork');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.start_url).toBe('/');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const file = await app.inject({ method: 'GET', url: icon.src });
      expect(file.statusCode, icon.src).toBe(200);
      expect(file.headers['content-type']).toContain(icon.type);
    }
  });

  it('serves the service worker from the root, revalidated, precaching the shell and leaving /api alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js', headers: { 'accept-encoding': 'identity' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const sw = res.body;
    expect(sw).toContain('"index.html"');
    expect(sw).toMatch(/offline-page-[\w-]+\.js/);
    // The offline screens and both languages are precached; other pages' files (the rich-text editor)
    // are cached when first used, by the one runtime route for built files beside the fonts'.
    expect(sw).toMatch(/offline-shell-[\w-]+\.js/);
    expect(sw).toMatch(/assets\/en-[\w-]+\.js/);
    expect(sw).toMatch(/assets\/ko-[\w-]+\.js/);
    expect(sw).not.toMatch(/rich-text-editor-[\w-]+\.js/);
    // Navigations fall back to index.html, except the API's; no runtime route names /api.
    expect(sw).toContain('/^\\/api\\//');
    expect(sw.match(/registerRoute\(/g)?.length).toBe(3);
  });
});
