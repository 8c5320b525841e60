/** Builds an app context for a one-shot command and always closes it (stopping the embedded server). */
import { pino } from 'pino';
import { loadConfig } from '../server/config.ts';
import { createContext, type AppContext } from '../server/context.ts';

export async function withContext<T>(fn: (ctx: AppContext) => Promise<T>, opts: { jobs?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }, pino.destination(2));
  const ctx = await createContext(config, { log, jobs: opts.jobs ?? false });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
