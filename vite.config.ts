import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
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

/** Builds the web UI into dist/web, which the Fastify server serves with an SPA fallback. (Tests use vitest.config.ts.) */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  // Pages are split by route (app.tsx); what stays in the entry is React, Mantine and the shell.
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
  preview: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
});
