/**
 * Words for generated meetings: reasons, titles, decisions and actions, in Korean and English (a cell
 * writes in one language). Encoded once to UTF-8; like vocabulary.ts, nothing here needs COPY escaping.
 */
import { encode } from './copy-writer.ts';

type Pair = readonly [string, string];

/** Why a member was excused. */
const EXCUSED: readonly Pair[] = [
  ['병치료', 'Ill'],
  ['야간교대 근무', 'On the night shift'],
  ['출장', 'Business trip'],
  ['가정 사정', 'Family matter'],
  ['강습 참가', 'On a training course'],
  ['긴급 작업', 'Urgent work at the site'],
  ['휴가', 'On leave'],
];

/** Why a meeting did not take place. */
const NOT_HELD: readonly Pair[] = [
  ['세포비서 병치료', 'Secretary ill'],
  ['농촌지원 동원', 'Mobilized for farm support'],
  ['긴급 생산과제', 'Urgent production task'],
  ['정전', 'Power cut'],
  ['교대 조정으로 성원 부족', 'Too few members after a shift change'],
  ['상급위원회 회의와 겹침', 'Clashed with a committee meeting'],
];

const STUDY_TITLES: readonly Pair[] = [
  ['신문 사설 독보', 'Reading the editorial'],
  ['정책 해설 학습', 'Study of the new policy'],
  ['력사 학습', 'History study'],
  ['문헌 학습', 'Reading session'],
];

const TECHNICAL_TITLES: readonly Pair[] = [
  ['기술 학습: 설비 관리', 'Technical session: equipment care'],
  ['안전 규정 학습', 'Safety rules'],
  ['새 기술 도입 학습', 'New methods at work'],
];

const DECISIONS: readonly Pair[] = [
  ['월간 생산계획을 넘쳐 수행한다', 'Overfulfil the monthly plan'],
  ['자재 절약 운동을 벌린다', 'Start a campaign to save materials'],
  ['뒤떨어진 성원을 도와준다', 'Help the members who fall behind'],
  ['작업장 환경을 개선한다', 'Tidy up and improve the workplace'],
  ['학습 계획을 새로 세운다', 'Draw up a new study plan'],
  ['설비 정비를 앞당긴다', 'Bring equipment maintenance forward'],
  ['농촌지원 준비를 갖춘다', 'Prepare for the farm support campaign'],
];

const ACTIONS: readonly Pair[] = [
  ['실행 계획서 작성', 'Write the plan'],
  ['성원별 과업 분담', 'Share out the tasks'],
  ['결과 보고', 'Report back to the cell'],
  ['자재 소요 조사', 'Survey the materials needed'],
  ['가정 방문', 'Visit the member at home'],
  ['작업반장과 협의', 'Agree it with the team leader'],
  ['점검표 작성', 'Make a checklist'],
];

const FOLLOW_UP_NOTES: readonly Pair[] = [
  ['가정 방문하여 사정을 알아보았음', 'Visited at home and talked it through'],
  ['다음 총회에 참석하기로 약속함', 'Promised to come to the next meeting'],
  ['근무 교대를 조정해 줌', 'Shift changed so they can attend'],
  ['건강 문제로 당분간 면제', 'Excused for a while on health grounds'],
];

export type Words = readonly [Uint8Array, Uint8Array];
const encodeAll = (pairs: readonly Pair[]): Words[] => pairs.map(([ko, en]) => [encode(ko), encode(en)] as const);

export const EXCUSED_REASONS = encodeAll(EXCUSED);
export const NOT_HELD_REASONS = encodeAll(NOT_HELD);
export const STUDY_TITLE_WORDS = encodeAll(STUDY_TITLES);
export const TECHNICAL_TITLE_WORDS = encodeAll(TECHNICAL_TITLES);
export const DECISION_WORDS = encodeAll(DECISIONS);
export const ACTION_WORDS = encodeAll(ACTIONS);
export const FOLLOW_UP_NOTE_WORDS = encodeAll(FOLLOW_UP_NOTES);

const UNSAFE = /[\\\t\n\r]/;
for (const w of [EXCUSED, NOT_HELD, STUDY_TITLES, TECHNICAL_TITLES, DECISIONS, ACTIONS, FOLLOW_UP_NOTES].flat(2)) {
  if (UNSAFE.test(w)) throw new Error(`activity vocabulary entry needs COPY escaping: ${JSON.stringify(w)}`);
}
