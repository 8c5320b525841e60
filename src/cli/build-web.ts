/**
 * Builds the web UI into dist/web with Vite, always as a production build: React's development build
 * (what NODE_ENV=test, set by the test runner, would select) renders several times slower.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function buildWebApp(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) throw new Error('building the web app failed');
}
