/** The `cellwork` command. */
import { Command } from 'commander';
import { createAdminCommand } from './commands/create-admin.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { seedCommand } from './commands/seed.ts';
import { serveCommand } from './commands/serve.ts';

const program = new Command('cellwork')
  .description(
    'Cellwork: the organizational life of cells under a hierarchy of committees.\n' +
      'Uses the embedded PostgreSQL under ./data unless DATABASE_URL is set.',
  )
  .showHelpAfterError();
program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(seedCommand());
program.addCommand(importCommand());
program.addCommand(createAdminCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`cellwork: ${err instanceof Error ? err.message : String(err)}\n`);
  // Exit now with the failing status, whatever handles are still open.
  process.exit(1);
}
