import { defineConfig, type Plugin } from 'vite';
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

/**
 * The installable app (issue 16): a manifest and a Workbox service worker that precaches the app shell
 * (scripts, styles, index.html, icons) so that after one visit online the app opens offline, and answers
 * every navigation with index.html. Nothing under /api is ever cached by it: what a device keeps for
 * offline use is the secretary's offline pack in IndexedDB (src/web/offline/), which sign-out clears.
 * The fonts' many unicode-range pieces are cached as they are first used, not all up front.
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
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
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
  plugins: [react(), installableApp(), precompress()],
  // Pages are split by route (app.tsx); what stays in the entry is React, Mantine and the shell.
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
  preview: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
});
