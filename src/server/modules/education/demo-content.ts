/**
 * The demo organization's education (`cellwork seed --demo`): one programme of the five themes the brief
 * names, in both languages, the charter as the material of its charter theme, the demo cell's latest
 * held study meetings on the first themes, and the demo member's learning plan, so the member's home
 * shows a plan with a theme ticked and the committee's panel has figures.
 */
import { systemActor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { setLearningPlan } from './plans.ts';
import { createProgramme } from './service.ts';
import { saveStudySession } from './sessions.ts';

const THEMES = [
  { title: "The organization's line and policies", titleKo: '조직의 로선과 정책', planMinutes: 30, planFormat: 'collective' },
  { title: 'The charter and organizational life', titleKo: '강령과 조직생활', planMinutes: 20, planFormat: 'collective' },
  { title: 'Work skills and science and technology', titleKo: '직업기술과 과학기술', planMinutes: 15, planFormat: 'one_to_one' },
  { title: 'History and traditions', titleKo: '력사와 전통', planMinutes: 30, planFormat: 'collective' },
  { title: 'Ethics and conduct in a role', titleKo: '직무 윤리와 품행', planMinutes: 15, planFormat: 'one_to_one' },
] as const;

export async function seedEducationDemo(db: Db, cell: { id: number; memberId: number }): Promise<void> {
  const actor = systemActor();
  const charter = await db.selectFrom('library_items').select('id').where('kind', '=', 'charter').orderBy('id').executeTakeFirst();
  const programme = await createProgramme(db, actor, {
    title: 'Basic programme for members',
    titleKo: '성원 기본 학습과정',
    description: 'Five themes every member studies, in short sessions tied to work.',
    themes: THEMES.map((t, i) => ({
      ...t,
      planText: 'Read the material, discuss how it applies to our work, agree one thing to do.',
      ...(i === 1 && charter ? { itemIds: [charter.id] } : {}),
    })),
  });
  const [first, second, third] = programme.themes;
  const sessions = await db
    .selectFrom('meetings')
    .select(['cell_id', 'id', 'kind', 'status', 'meets_on'])
    .where('cell_id', '=', cell.id)
    .where('kind', '=', 'study')
    .where('status', '=', 'held')
    .orderBy('meets_on', 'desc')
    .limit(2)
    .execute();
  for (const [i, s] of sessions.entries())
    await saveStudySession(db, s, { themeIds: [i === 0 ? first!.id : second!.id], format: 'collective', timing: 'before_work' });
  await setLearningPlan(db, actor, cell.memberId, { themeIds: [first!.id, second!.id, third!.id] });
}
