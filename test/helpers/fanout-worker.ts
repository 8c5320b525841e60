/**
 * A Cellwork process with its job queue on a given database and no HTTP: what `cellwork serve` runs in
 * the background. The directives crash test kills it with SIGKILL in the middle of a fan-out.
 * Usage: node --import tsx test/helpers/fanout-worker.ts (connection as JSON in CELLWORK_TEST_CONNECTION).
 */
import { pino } from 'pino';
import { loadConfig } from '../../src/server/config.ts';
import { createContext } from '../../src/server/context.ts';

const connection = JSON.parse(process.env.CELLWORK_TEST_CONNECTION ?? '{}');
const ctx = await createContext(loadConfig({ ...process.env, CELLWORK_LOG_LEVEL: 'warn' }), {
  connection,
  jobs: true,
  log: pino({ level: 'warn' }),
});
process.stdout.write('worker ready\n');
process.on('SIGTERM', () => {
  void ctx.close().then(() => process.exit(0));
});
