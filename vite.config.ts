import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** Builds the web UI into dist/web, which the Fastify server serves with an SPA fallback. (Tests use vitest.config.ts.) */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
  preview: { proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } } },
});
