import { Command } from 'commander';
import { sql } from 'kysely';
import { CreateAccountSchema } from '../../shared/schemas/accounts.ts';
import { text } from '../../shared/schemas/base.ts';

export function createAdminCommand(): Command {
  return new Command('create-admin')
    .description(
      'Create a central administrator account (e.g. the first one on an external database); ' +
        'on an empty database also creates the top committee of the organization',
    )
    .requiredOption('--login <login>', 'e-mail or user name to sign in with')
    .option('--password <password>', 'password (default: read from the CELLWORK_ADMIN_PASSWORD variable)')
    .option('--organization <name>', 'name of the top committee, when the tree is still empty', 'Central Committee')
    .action(async (opts: { login: string; password?: string; organization: string }) => {
      const { inTransaction } = await import('../../server/db/database.ts');
      const { recordAudit } = await import('../../server/modules/audit/service.ts');
      const { hashPassword } = await import('../../server/modules/auth/passwords.ts');
      const { assertAcceptablePassword } = await import('../../server/modules/auth/password-policy.ts');
      const { withContext } = await import('../context.ts');
      const input = CreateAccountSchema.parse({ login: opts.login, password: opts.password ?? process.env.CELLWORK_ADMIN_PASSWORD ?? '' });
      assertAcceptablePassword(input.password);
      const organization = text(200).parse(opts.organization);
      await withContext(async (ctx) => {
        await inTransaction(ctx.db, async (trx) => {
          const account = await trx
            .insertInto('accounts')
            .values({ login: input.login, password_hash: await hashPassword(input.password) })
            .returning(['id', 'login'])
            .executeTakeFirstOrThrow();
          await trx.insertInto('grants').values({ account_id: account.id, role: 'admin', access: 'manage', unit_id: null }).execute();
          await recordAudit(trx, null, { action: 'account.create-admin', entity: 'account', entityId: account.id, after: account });
          const root = await trx.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirst();
          if (!root) {
            const { rows } = await sql<{ id: number }>`insert into units (id, parent_id, kind, name, code, path, depth)
              select n, null, 'committee', ${organization}, 'ROOT', n::text::ltree, 0
              from (select nextval(pg_get_serial_sequence('units', 'id')) as n) s returning id`.execute(trx);
            await recordAudit(trx, null, { action: 'unit.create', entity: 'unit', entityId: rows[0]!.id, after: { name: organization } });
            process.stdout.write(`top committee "${organization}" created\n`);
          }
        });
        process.stdout.write(`administrator ${input.login} created\n`);
      });
    });
}
