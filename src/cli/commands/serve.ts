import { buildWebApp } from '../build-web.ts';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Start the Cellwork server (and the embedded PostgreSQL unless DATABASE_URL is set)')
    .option('--build-web-if-missing', 'build the web app first if dist/web is missing')
    .option('--no-demo', 'do not create the demo organization in an empty embedded database')
    .action(async (opts: { buildWebIfMissing?: boolean; demo: boolean }) => {
      const { loadConfig } = await import('../../server/config.ts');
      const { createContext } = await import('../../server/context.ts');
      const { buildApp } = await import('../../server/http/app.ts');
      const { DEMO_PASSWORD, seedDemo } = await import('../../server/seed/index.ts');
      const config = loadConfig();
      if (opts.buildWebIfMissing && !fs.existsSync(path.join(config.webDir, 'index.html'))) buildWeb();
      const ctx = await createContext(config);
      const stop = async (signal: string) => {
        ctx.log.info({ signal }, 'shutting down');
        await app.close().catch(() => undefined);
        await ctx.close();
        process.exit(0);
      };
      // A promise nobody awaited failing (a lost connection in a background task) is logged, not fatal:
      // ending the process would take everyone offline for one request's trouble.
      process.on('unhandledRejection', (err) => ctx.log.error({ err }, 'unhandled rejection'));
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      let demo: { logins: unknown[] } | undefined;
      if (ctx.databaseMode === 'embedded' && opts.demo && !(await ctx.db.selectFrom('units').select('id').limit(1).executeTakeFirst())) {
        ctx.log.info('empty embedded database: creating the demo organization');
        demo = await seedDemo(ctx.pool, ctx.db);
      }
      const app = await buildApp(ctx);
      await app.listen({ port: config.port, host: config.host });
      const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
      const lines = [
        `Cellwork is running at ${url}  (API docs: ${url}/api/docs)`,
        `database: ${ctx.databaseMode} PostgreSQL ${ctx.databaseVersion}${ctx.databaseMode === 'embedded' ? ` (data in ${config.dataDir})` : ''}`,
      ];
      const hasDemo = demo || (await ctx.db.selectFrom('accounts').select('id').where('login', '=', 'admin@demo').executeTakeFirst());
      if (hasDemo) {
        lines.push(`demo sign-ins (password "${DEMO_PASSWORD}"): admin@demo, region@demo, district@demo, secretary@demo, member@demo`);
      }
      process.stdout.write(`\n${lines.join('\n')}\n\n`);
    });
}

function buildWeb(): void {
  process.stdout.write('building the web app (first start only)...\n');
  buildWebApp();
}
