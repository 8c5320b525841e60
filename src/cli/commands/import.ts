import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Command } from 'commander';
import type { ImportStatus } from '../../shared/schemas/imports.ts';
import { progressBar } from '../progress-bar.ts';

export function importCommand(): Command {
  const cmd = new Command('import').description('Import data from files');
  cmd
    .command('members')
    .description(
      'Import members from a CSV file into a cell (or, with a cell_code column, into the cells under a committee). ' +
        'Columns: full_name (required), member_no, email, phone, birth_year, workplace, joined_on, role, cell_code. All lines land or none.',
    )
    .argument('<file>', 'CSV file with a header line')
    .requiredOption('--unit <code-or-id>', 'the cell or committee to import into (its code or id)')
    .action(async (file: string, opts: { unit: string }) => {
      const { systemActor } = await import('../../server/access/actor.ts');
      const { AppError } = await import('../../server/errors.ts');
      const { importMembers } = await import('../../server/modules/imports/service.ts');
      const { withContext } = await import('../context.ts');
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
      const totalBytes = fs.statSync(file).size;
      await withContext(async (ctx) => {
        const unit = await ctx.db
          .selectFrom('units')
          .select('id')
          .where((eb) =>
            /^\d+$/.test(opts.unit) ? eb.or([eb('code', '=', opts.unit), eb('id', '=', Number(opts.unit))]) : eb('code', '=', opts.unit),
          )
          .executeTakeFirst();
        if (!unit) throw new Error(`no unit with code or id ${opts.unit}`);
        const bar = progressBar('importing', 'bytes');
        try {
          const status = await importMembers(ctx.db, ctx.pool, systemActor(), {
            importId: randomUUID(),
            unitId: unit.id,
            source: fs.createReadStream(file),
            totalBytes,
            onProgress: (p) => bar.update(p.bytesRead, totalBytes),
          });
          bar.stop();
          process.stdout.write(
            `imported ${status.linesRead} lines: ${status.created} created, ${status.updated} updated, ${status.unchanged} unchanged (${status.rowsPerSecond} lines/s)\n`,
          );
        } catch (err) {
          bar.stop();
          if (err instanceof AppError && err.code === 'import_rejected') {
            const s = err.details as ImportStatus;
            for (const e of s.errors) process.stderr.write(`line ${e.line}: ${e.message}\n`);
            if (s.errorCount > s.errors.length) process.stderr.write(`... and ${s.errorCount - s.errors.length} more\n`);
          }
          throw err;
        }
      });
    });
  return cmd;
}
