/**
 * The demo organization's library (`cellwork seed --demo`, `serve --demo`): the charter, two documents,
 * one newspaper issue with its editorial, a reading list by the centre for this month, and the demo
 * cell's latest held study meetings linked to what they read, so every page of the Library has content.
 */
import { systemActor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { todayIso } from '../compliance/periods.ts';
import { createReadingList } from './reading-lists.ts';
import { setStudyReadings } from './reading-log.ts';
import { createArticle, createDocument, createIssue } from './service.ts';

const CHARTER = `제1조 조직은 세포와 그 위의 위원회로 이루어진다. 세포는 조직의 기본 단위이다.

제2조 모든 성원은 세포총회와 학습모임에 정기적으로 참가하며, 결정된 과업을 책임지고 수행한다.

Article 3. Every member studies the charter and the organization's newspaper with their cell, at least once a month.`;

export async function seedLibraryDemo(db: Db, cellId: number): Promise<void> {
  const actor = systemActor();
  const charter = await createDocument(db, actor, { kind: 'charter', title: '강령 (The Charter)', body: CHARTER, published: true });
  const guide = await createDocument(db, actor, {
    kind: 'document',
    title: '세포 학습모임 운영 지침',
    body: '학습모임은 매달 한 번 이상 연다. 비서는 읽은 기사와 참석자를 기록한다.\n\n토론 뒤에는 실천 과업을 정한다.',
    published: true,
  });
  await createDocument(db, actor, {
    kind: 'document',
    title: 'Guide to keeping a cell’s minutes',
    body: 'Minutes record what was decided, who is responsible and by when.\n\nRead them out at the start of the next meeting.',
    published: true,
  });
  const today = todayIso();
  const issue = await createIssue(db, actor, { title: '조직신문', issueNo: 1, issuedOn: today });
  const editorial = await createArticle(db, actor, issue.id, {
    title: '사설: 학습으로 단결하자',
    body: '학습은 조직을 하나로 묶는다. 모든 세포가 이달의 학습목록을 함께 읽고 토론하기를 바란다.',
    editorial: true,
    published: true,
  });
  await createArticle(db, actor, issue.id, {
    title: 'The river cooperative brings in the harvest',
    body: 'Members of the cooperative finished the harvest two weeks early and discussed the charter at their study session.',
    editorial: false,
    published: true,
  });
  const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const month = today.slice(0, 7);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  await createReadingList(db, actor, {
    unitId: root.id,
    title: '이달의 학습 (This month’s reading)',
    startsOn: `${month}-01`,
    endsOn: last,
    itemIds: [editorial.id, charter.id, guide.id],
  });
  const sessions = await db
    .selectFrom('meetings')
    .select('id')
    .where('cell_id', '=', cellId)
    .where('kind', '=', 'study')
    .where('status', '=', 'held')
    .orderBy('meets_on', 'desc')
    .limit(2)
    .execute();
  for (const s of sessions) await setStudyReadings(db, actor, s.id, [editorial.id, charter.id]);
}
