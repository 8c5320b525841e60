/**
 * Every module that feeds the rulebook, listed here and nowhere else (like the route modules in
 * http/app.ts). The engine (compliance/) builds its SQL from these declarations: metric sources,
 * standard kinds, summed roll-ups and counts that follow the verdicts (compliance/plugin.ts). How to add one: docs/modules.md.
 */
import type { Fact, MetricSource, ModuleDeclaration, StandardKind, SummedRollup, VerdictFollower } from './compliance/plugin.ts';
import { admissionsModule } from './admissions/rulebook.ts';
import { assignmentsModule } from './assignments/rulebook.ts';
import { directivesModule } from './directives/rulebook.ts';
import { educationModule } from './education/rulebook.ts';
import { helpRequestsModule } from './help-requests/rulebook.ts';
import { libraryModule } from './library/rulebook.ts';
import { meetingsModule } from './meetings/rulebook.ts';
import { mentorshipsModule } from './mentorships/rulebook.ts';
import { visitsModule } from './visits/rulebook.ts';
import { ideasModule } from './ideas/rulebook.ts';
import { workPlansModule } from './work-plans/rulebook.ts';
import { emulationModule } from './emulation/rulebook.ts';

export const MODULES: readonly ModuleDeclaration[] = [
  meetingsModule,
  libraryModule,
  directivesModule,
  educationModule,
  assignmentsModule,
  helpRequestsModule,
  mentorshipsModule,
  admissionsModule,
  visitsModule,
  ideasModule,
  workPlansModule,
  emulationModule,
];

export const SOURCES: readonly MetricSource[] = MODULES.flatMap((m) => m.sources);
export const KINDS: readonly StandardKind<any>[] = MODULES.flatMap((m) => m.kinds);
export const SUMS: readonly SummedRollup[] = MODULES.flatMap((m) => m.sums);
export const FOLLOWERS: readonly VerdictFollower[] = MODULES.flatMap((m) => m.followers ?? []);

const byCode = new Map(KINDS.map((k) => [k.code, k]));
export const standardKind = (code: string): StandardKind<any> | undefined => byCode.get(code);

/** Whether a fact dated in one month moves metrics of later months (some source reading it carries forward). */
export const carriesForward = (fact: Fact): boolean => SOURCES.some((s) => s.carriesForward && s.reads.includes(fact));

/** Two sources owning overlapping key prefixes would delete each other's metrics: refused at start. */
function checkOwnership(): void {
  const owned = SOURCES.flatMap((s) => s.owns.map((prefix) => ({ source: s.name, prefix })));
  for (const a of owned) {
    for (const b of owned) {
      if (a !== b && b.prefix.startsWith(a.prefix))
        throw new Error(`metric sources ${a.source} and ${b.source} both own keys starting with ${b.prefix}`);
    }
  }
  const codes = KINDS.map((k) => k.code);
  if (new Set(codes).size !== codes.length) throw new Error('two standard kinds share a code');
}
checkOwnership();
