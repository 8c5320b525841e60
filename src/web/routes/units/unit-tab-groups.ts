/**
 * The unit page's views, in groups: a committee or a cell has a dozen views, too many for one row of tabs
 * on a phone. The page shows the groups as tabs and the chosen group's views as a second row; the address
 * keeps the view (`?tab=`), so every link to a view still works and opens its group.
 */
import type { Unit } from '../../../shared/schemas/units.ts';

export type TabGroup = { group: string; tabs: readonly string[] };

/** `secretary`: feedback on the secretaries (decision 0027); `cases`: anonymous counts of integrity cases (decision 0029), from three cases on. */
const COMMITTEE_GROUPS: readonly TabGroup[] = [
  { group: 'overview', tabs: ['health', 'reports', 'visits'] },
  { group: 'people', tabs: ['admissions', 'mentorships', 'help', 'secretary', 'cases'] },
  { group: 'carryingOut', tabs: ['targets', 'workPlans', 'ideas', 'campaigns', 'distinctions'] },
];

/**
 * `help`: requests for help; the secretary and members read them, officials above the cell its counts only.
 * `secretary`: members rate their secretary there; the secretary and officials above read the averages.
 * The assignment board, admissions, mentorships and visits are for those who see the cell's people and
 * their work: its secretary, officials above it (read-only without management).
 */
const CELL_GROUPS: readonly TabGroup[] = [
  { group: 'overview', tabs: ['dashboard', 'meetings', 'report'] },
  { group: 'work', tabs: ['assignments', 'workPlan', 'targets', 'ideas', 'deeds', 'campaigns'] },
  { group: 'people', tabs: ['admissions', 'mentorships', 'help', 'secretary', 'visits'] },
];
const PERSONAL_CELL_TABS = new Set(['assignments', 'admissions', 'mentorships', 'visits']);

/** The groups this reader sees on this unit's page, each with the views open to them. */
export function tabGroupsOf(unit: Pick<Unit, 'kind' | 'canSeePersonal'>): TabGroup[] {
  if (unit.kind === 'committee') return [...COMMITTEE_GROUPS];
  return CELL_GROUPS.map((g) => ({ ...g, tabs: g.tabs.filter((t) => unit.canSeePersonal || !PERSONAL_CELL_TABS.has(t)) })).filter(
    (g) => g.tabs.length > 0,
  );
}

/** The view asked for in the address if this reader has it, else the first view of the first group. */
export function chosenTab(groups: readonly TabGroup[], asked: string | null): { group: TabGroup; tab: string } {
  for (const group of groups) if (asked && group.tabs.includes(asked)) return { group, tab: asked };
  const first = groups[0]!;
  return { group: first, tab: first.tabs[0]! };
}
