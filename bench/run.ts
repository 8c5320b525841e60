/**
 * Entry point: `npm run bench -- <name> --scale S|M|L` runs bench/<name>.ts, whose `run` prints a table
 * and then exactly one JSON line with the app's figure next to its limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Scale = 'S' | 'M' | 'L';
export type BenchOptions = { scale: Scale };
type BenchModule = { run(opts: BenchOptions): Promise<void> };

const here = path.dirname(fileURLToPath(import.meta.url));

function usage(message?: string): never {
  const available = fs
    .readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .map((f) => f.slice(0, -3));
  if (message) console.error(message);
  console.error(`usage: npm run bench -- <name> [--scale S|M|L]   (benchmarks: ${available.join(', ')})`);
  process.exit(2);
}

function parseArgs(argv: string[]): { name: string; scale: Scale } {
  let name: string | undefined;
  let scale = 'S';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--scale') scale = argv[++i] ?? '';
    else if (arg.startsWith('--scale=')) scale = arg.slice('--scale='.length);
    else if (arg === '--help' || arg === '-h') usage();
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (name === undefined) name = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (!name) usage('which benchmark?');
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !fs.existsSync(path.join(here, `${name}.ts`))) usage(`no benchmark named ${name}`);
  scale = scale.toUpperCase();
  if (scale !== 'S' && scale !== 'M' && scale !== 'L') usage(`--scale must be S, M or L, got ${scale}`);
  return { name, scale };
}

const { name, scale } = parseArgs(process.argv.slice(2));
const mod = (await import(`./${name}.ts`)) as BenchModule;
try {
  await mod.run({ scale });
} catch (err) {
  console.error(err);
  process.exitCode = 1;
}
