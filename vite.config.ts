import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { compressAssets } from './src/cli/compress-assets.ts';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Brotli and gzip copies of every built asset, which the server sends to clients that accept them. */
function precompress(): Plugin {
  return {
    name: 'cellwork-precompress',
    apply: 'build',
    closeBundle: () => {
      compressAssets(outDir);
    },
  };
}

/** The built files the app needs with no signal (filled while bundling, read when the worker is written). */
const offlineFiles = new Set<string>();

/**
 * Finds the offline files: the entry and what it imports statically (the shell), and the offline
 * screens (src/web/offline/) and both languages with everything they import, lazily too. The other
 * pages' chunks (the rich-text editor, the password checker's dictionaries, charts…) are not fetched up
 * front: a cheap phone on a poor connection installs about a third of the build.
 */
function offlineChunks(): Plugin {
  return {
    name: 'cellwork-offline-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      offlineFiles.clear();
      const chunks = new Map<string, Rolldown.OutputChunk>();
      for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.set(file.fileName, file);
      const visit = (name: string, lazyToo: boolean) => {
        const chunk = chunks.get(name);
        if (!chunk || offlineFiles.has(name)) return;
        offlineFiles.add(name);
        for (const css of chunk.viteMetadata?.importedCss ?? []) offlineFiles.add(css);
        for (const i of chunk.imports) visit(i, lazyToo);
        if (lazyToo) for (const i of chunk.dynamicImports) visit(i, true);
      };
      const offlineScreen = /\/src\/web\/(offline\/[^/]+\.tsx|i18n\/\w+\.json)$/;
      for (const c of chunks.values()) if (c.isEntry) visit(c.fileName, false);
      for (const c of chunks.values()) if (c.facadeModuleId && offlineScreen.test(c.facadeModuleId)) visit(c.fileName, true);
    },
  };
}

/**
 * The installable app (issue 16): a manifest and a Workbox service worker that precaches the app shell
 * and the offline screens (offlineChunks) so that after one visit online the app opens offline, and
 * answers every navigation with index.html; other pages' files are cached as they are first used.
 * Nothing under /api is ever cached by it: what a device keeps for offline use is the secretary's
 * offline pack in IndexedDB (src/web/offline/), which sign-out clears. The fonts' many unicode-range
 * pieces are cached as they are first used, not all up front.
 */
function installableApp() {
  return VitePWA({
    registerType: 'autoUpdate',
    // Registered by src/web/offline/register-sw.ts after the first paint.
    injectRegister: false,
    includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
    manifest: {
      name: 'Cellwork',
      short_name: 'Cellwork',
      description: 'The organizational life of cells and committees, also where there is no signal.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#186ebc',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      manifestTransforms: [
        async (entries) => ({
          manifest: entries.filter((e) => !/^assets\/.*\.(js|css)$/.test(e.url) || offlineFiles.has(e.url)),
          warnings: [],
        }),
      ],
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
        {
          // Built files carry their content's hash: one fetched once never changes.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/assets\/.*\.(js|css)$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'pages', expiration: { maxEntries: 300 } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/') && url.pathname.endsWith('.woff2'),
          handler: 'CacheFirst',
          options: { cacheName: 'fonts', expiration: { maxEntries: 400 } },
        },
      ],
    },
  });
}

/** Builds the web UI into dist/web, which the Fastify server serves with an SPA fallback. (Tests use vitest.config.ts.) */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), offlineChunks(), installableApp(), precompress()],
  // Pages are split by route (app.tsx); what stays in the entry is React, Mantine and the shell.
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
  preview: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
});
