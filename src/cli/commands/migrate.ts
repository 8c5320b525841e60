import { Command } from 'commander';

export function migrateCommand(): Command {
  return new Command('migrate').description('Apply pending database migrations (also done automatically at start)').action(async () => {
    const { migrateToLatest } = await import('../../server/db/database.ts');
    const { withContext } = await import('../context.ts');
    await withContext(async (ctx) => {
      const applied = await migrateToLatest(ctx.db);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
    });
  });
}
