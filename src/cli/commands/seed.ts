import { Command, InvalidArgumentError } from 'commander';
import { progressBar } from '../progress-bar.ts';

const positiveInt = (v: string) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};

export function seedCommand(): Command {
  return new Command('seed')
    .description('Fill an empty database: the demo organization with its sign-ins (--demo), or a large synthetic one')
    .option('--demo', 'the demo organization (about 400 cells, 6,000 members) and the demo sign-ins')
    .option('--cells <n>', 'number of cells', positiveInt)
    .option('--members <n>', 'number of members (3 to 60 per cell)', positiveInt)
    .option('--seed <s>', 'random seed (same seed, same organization)', positiveInt, 1)
    .option(
      '--months <n>',
      'also that many months of meetings, attendance, decisions and follow-ups, ending this month (1-120)',
      positiveInt,
    )
    .action(async (opts: { demo?: boolean; cells?: number; members?: number; seed: number; months?: number }) => {
      const { seedActivity, seedDemo, seedOrganization } = await import('../../server/seed/index.ts');
      if (opts.months !== undefined && opts.months > 120) throw new Error('--months is at most 120');
      const { withContext } = await import('../context.ts');
      if (!opts.demo && !(opts.cells && opts.members)) throw new Error('give --demo, or --cells N --members M');
      await withContext(async (ctx) => {
        const bar = progressBar('seeding', 'rows');
        const onProgress = (p: { done: number; total: number }) => bar.update(p.done, p.total);
        try {
          if (opts.demo) {
            const { logins } = await seedDemo(ctx.pool, ctx.db, onProgress);
            bar.stop();
            process.stdout.write(
              `demo organization created; sign in with password "demo" as:\n${logins.map((l) => `  ${l.login}  ${l.role}${l.unit ? ` (${l.unit})` : ''}`).join('\n')}\n`,
            );
          } else {
            const r = await seedOrganization(ctx.pool, { cells: opts.cells!, members: opts.members!, seed: opts.seed, onProgress });
            bar.stop();
            process.stdout.write(
              `seeded ${r.committees} committees, ${r.cells} cells, ${r.people} people, ${r.memberships} memberships ` +
                `in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.rows / (r.ms / 1000))} rows/s)\n`,
            );
            if (opts.months) {
              const a = await seedActivity(ctx.pool, { months: opts.months, seed: opts.seed, onProgress });
              bar.stop();
              process.stdout.write(
                `seeded ${a.meetings} meetings, ${a.attendance} attendance rows, ${a.decisions} decisions, ${a.actions} actions, ` +
                  `${a.followUps} follow-ups in ${(a.ms / 1000).toFixed(1)} s (month figures computed in ${(a.materializeMs / 1000).toFixed(1)} s)\n`,
              );
            }
          }
        } finally {
          bar.stop();
        }
      });
    });
}
