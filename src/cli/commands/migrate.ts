import { Command } from 'commander';
import { migrateToLatest } from '../../server/db/database.ts';
import { withContext } from '../context.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (also done automatically at start)')
    .action(async () => {
      await withContext(async (ctx) => {
        const applied = await migrateToLatest(ctx.db);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
      });
    });
}
