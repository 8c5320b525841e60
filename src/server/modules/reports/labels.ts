/**
 * Every word the monthly report's PDF and CSV print, in English and Korean: the server's one catalog
 * of them (the web's words live in its i18n files; a download has no browser to translate it).
 * Korean has no plural forms, so its `_one` and `_other` say the same; the type keeps both languages
 * to the same keys and test/report-labels.test.ts checks they name the same params.
 */
export const REPORT_LANGUAGES = ['en', 'ko'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const en = {
  title: 'Monthly report',
  organization: 'Organization',
  cell: 'Cell',
  cellCode: 'Code',
  month: 'Month',
  status: 'Status',
  statusDraft: 'Draft, not submitted',
  statusSubmitted: 'Submitted on {{when}} by {{who}}',
  statusSubmittedAnonymous: 'Submitted on {{when}}',
  monthInProgress: 'Month in progress: figures up to {{day}}',
  submittedBy: 'Submitted by',

  standards: 'Standards',
  standardsNone: 'No standards were in force for this cell this month.',
  colStandard: 'Standard',
  colFigure: 'This month',
  colLimit: 'Required',
  colResult: 'Result',
  met: 'Met',
  notMet: 'Not met',
  standardsSummary: '{{met}} of {{total}} standards met',

  meetingsHeldFigure_one: '{{count}} held',
  meetingsHeldFigure_other: '{{count}} held',
  meetingsAtLeast_one: 'at least {{count}} meeting',
  meetingsAtLeast_other: 'at least {{count}} meetings',
  meetingsHeldQuarterFigure_one: '{{count}} held in the last three months',
  meetingsHeldQuarterFigure_other: '{{count}} held in the last three months',
  meetingsAtLeastQuarter_one: 'at least {{count}} meeting in three months',
  meetingsAtLeastQuarter_other: 'at least {{count}} meetings in three months',
  readingSessionsFigure_one: '{{count}} reading session held',
  readingSessionsFigure_other: '{{count}} reading sessions held',
  readingSessionsAtLeast_one: 'at least {{count}} reading session',
  readingSessionsAtLeast_other: 'at least {{count}} reading sessions',
  educationSessionsFigure_one: '{{count}} education session held',
  educationSessionsFigure_other: '{{count}} education sessions held',
  educationSessionsAtLeast_one: 'at least {{count}} education session',
  educationSessionsAtLeast_other: 'at least {{count}} education sessions',
  learningPlansFigure: '{{rate}} % with a current learning plan ({{part}} of {{whole}})',
  learningPlansNone: 'no members',
  reviewGap_one: 'longest gap {{count}} day',
  reviewGap_other: 'longest gap {{count}} days',
  reviewNone: 'none on record',
  reviewAtMost_one: 'a gap of at most {{count}} day',
  reviewAtMost_other: 'a gap of at most {{count}} days',
  rateFigure: '{{rate}} % ({{part}} of {{whole}})',
  attendanceNone: 'no attendance recorded',
  actionsFigure: '{{rate}} % ({{part}} of {{whole}} on time)',
  rateAtLeast: 'at least {{rate}} %',
  followUpOldest_one: 'oldest open for {{count}} day',
  followUpOldest_other: 'oldest open for {{count}} days',
  followUpNone: 'none open',
  followUpWithin_one: 'followed up within {{count}} day',
  followUpWithin_other: 'followed up within {{count}} days',
  actionsNone: 'no actions due',
  directivesFigure: '{{rate}} % reached in time ({{part}} of {{whole}})',
  directivesNone: 'no directive sent this month',
  assignmentsActiveFigure: '{{rate}} % with an active assignment ({{part}} of {{whole}})',
  assignmentsNoMembers: 'no members on the roll',
  assignmentsEvaluatedFigure: '{{rate}} % evaluated ({{part}} of {{whole}})',
  assignmentsNoneDue: 'no assignments due',
  candidatesMentoredFigure: '{{rate}} % of candidates with a mentor ({{part}} of {{whole}})',
  candidatesNone: 'no candidates',
  youthGroupsAssignedFigure: '{{rate}} % of youth groups with an assigned member ({{part}} of {{whole}})',
  youthGroupsNone: 'no youth groups',
  visitsHeldFigure_one: '{{count}} visit in the last {{months}} months',
  visitsHeldFigure_other: '{{count}} visits in the last {{months}} months',
  visitsAtLeastOnce_one: 'a visit at least every {{count}} month',
  visitsAtLeastOnce_other: 'a visit at least every {{count}} months',
  ideasSubmittedFigure_one: '{{count}} idea in 12 months, {{members}} members',
  ideasSubmittedFigure_other: '{{count}} ideas in 12 months, {{members}} members',
  ideasAtLeastPerMembers_one: 'at least {{count}} idea a year per 10 members',
  ideasAtLeastPerMembers_other: 'at least {{count}} ideas a year per 10 members',
  workPlanGoalsFigure_one: 'an adopted work plan with {{count}} goal',
  workPlanGoalsFigure_other: 'an adopted work plan with {{count}} goals',
  workPlanNone: 'no adopted work plan for the quarter',
  workPlanAtLeast_one: 'a work plan adopted for the quarter, with at least {{count}} goal',
  workPlanAtLeast_other: 'a work plan adopted for the quarter, with at least {{count}} goals',

  attendance: 'Meetings and attendance',
  members: 'Members on the roll',
  meetingsHeld: 'Meetings held',
  meetingsNotHeld: 'Meetings not held',
  averageAttendance: 'Average attendance',
  presentOfExpected: 'Present / expected',
  noFigure: '—',
  byKind: 'Held, by kind',
  meetingsNone: 'No meetings this month.',
  colDate: 'Date',
  colKind: 'Kind',
  colMeetingStatus: 'Status',
  colAttendance: 'Present',
  meetingHeld: 'Held',
  meetingNotHeld: 'Not held',
  meetingScheduled: 'Scheduled',

  decisions: 'Decisions and follow-up actions',
  decisionsNone: 'No decisions were recorded this month.',
  decisionOf: '{{date}}, {{kind}}',
  actionLine: '{{title}} ({{owner}}, due {{due}}): {{status}}',
  actionLineNoOwner: '{{title}} (due {{due}}): {{status}}',
  actionOpen: 'open',
  actionDone: 'done',
  actionDropped: 'dropped',
  actionsDue: 'Actions due this month',
  actionsOnTime: 'Closed on time',
  openFollowUps: 'Members being followed up',

  notes: "Secretary's notes",
  generatedAt: 'Generated on {{when}}',
  page: 'Page {{page}} of {{pages}}',
  continued: '{{section}} (continued)',
} as const;

export type ReportLabel = keyof typeof en;

const ko: Record<ReportLabel, string> = {
  title: '월간 보고서',
  organization: '조직',
  cell: '세포',
  cellCode: '코드',
  month: '달',
  status: '상태',
  statusDraft: '작성 중 (제출 전)',
  statusSubmitted: '{{when}}에 {{who}}이(가) 제출',
  statusSubmittedAnonymous: '{{when}}에 제출',
  monthInProgress: '진행 중인 달: {{day}}까지의 수치',
  submittedBy: '제출자',

  standards: '기준',
  standardsNone: '이달에 이 세포에 적용된 기준이 없습니다.',
  colStandard: '기준',
  colFigure: '이달 실적',
  colLimit: '요구',
  colResult: '평가',
  met: '충족',
  notMet: '미충족',
  standardsSummary: '기준 {{total}}개 중 {{met}}개 충족',

  meetingsHeldFigure_one: '{{count}}회 진행',
  meetingsHeldFigure_other: '{{count}}회 진행',
  meetingsAtLeast_one: '최소 {{count}}회',
  meetingsAtLeast_other: '최소 {{count}}회',
  meetingsHeldQuarterFigure_one: '최근 3개월 {{count}}회 진행',
  meetingsHeldQuarterFigure_other: '최근 3개월 {{count}}회 진행',
  meetingsAtLeastQuarter_one: '3개월에 최소 {{count}}회',
  meetingsAtLeastQuarter_other: '3개월에 최소 {{count}}회',
  readingSessionsFigure_one: '학습모임 {{count}}회 진행',
  readingSessionsFigure_other: '학습모임 {{count}}회 진행',
  readingSessionsAtLeast_one: '학습모임 최소 {{count}}회',
  readingSessionsAtLeast_other: '학습모임 최소 {{count}}회',
  educationSessionsFigure_one: '교양모임 {{count}}회 진행',
  educationSessionsFigure_other: '교양모임 {{count}}회 진행',
  educationSessionsAtLeast_one: '교양모임 최소 {{count}}회',
  educationSessionsAtLeast_other: '교양모임 최소 {{count}}회',
  learningPlansFigure: '학습계획 보유 {{rate}} % ({{whole}}명 중 {{part}}명)',
  learningPlansNone: '성원 없음',
  reviewGap_one: '최장 간격 {{count}}일',
  reviewGap_other: '최장 간격 {{count}}일',
  reviewNone: '기록 없음',
  reviewAtMost_one: '간격 최대 {{count}}일',
  reviewAtMost_other: '간격 최대 {{count}}일',
  rateFigure: '{{rate}} % ({{whole}}명 중 {{part}}명)',
  attendanceNone: '출석 기록 없음',
  actionsFigure: '{{rate}} % ({{whole}}건 중 {{part}}건 기한 내)',
  rateAtLeast: '최소 {{rate}} %',
  followUpOldest_one: '가장 오래된 미결 {{count}}일',
  followUpOldest_other: '가장 오래된 미결 {{count}}일',
  followUpNone: '미결 없음',
  followUpWithin_one: '{{count}}일 안에 대책',
  followUpWithin_other: '{{count}}일 안에 대책',
  actionsNone: '기한이 된 과업 없음',
  directivesFigure: '기한 내 {{rate}} % 전달 ({{whole}}명 중 {{part}}명)',
  directivesNone: '이달 보낸 지시 없음',
  assignmentsActiveFigure: '분공 수행 중 {{rate}} % ({{whole}}명 중 {{part}}명)',
  assignmentsNoMembers: '명단에 성원 없음',
  assignmentsEvaluatedFigure: '평가 {{rate}} % ({{whole}}건 중 {{part}}건)',
  assignmentsNoneDue: '기한이 된 분공 없음',
  candidatesMentoredFigure: '이끄는 성원이 있는 후보 {{rate}} % ({{whole}}명 중 {{part}}명)',
  candidatesNone: '후보 없음',
  youthGroupsAssignedFigure: '담당 성원이 있는 청소년조 {{rate}} % ({{whole}}개 중 {{part}}개)',
  youthGroupsNone: '청소년조 없음',
  visitsHeldFigure_one: '최근 {{months}}개월 방문 {{count}}회',
  visitsHeldFigure_other: '최근 {{months}}개월 방문 {{count}}회',
  visitsAtLeastOnce_one: '{{count}}개월에 한 번 이상 방문',
  visitsAtLeastOnce_other: '{{count}}개월에 한 번 이상 방문',
  ideasSubmittedFigure_one: '12개월 창의고안 {{count}}건, 성원 {{members}}명',
  ideasSubmittedFigure_other: '12개월 창의고안 {{count}}건, 성원 {{members}}명',
  ideasAtLeastPerMembers_one: '성원 10명당 한 해 창의고안 {{count}}건 이상',
  ideasAtLeastPerMembers_other: '성원 10명당 한 해 창의고안 {{count}}건 이상',
  workPlanGoalsFigure_one: '채택된 사업계획 (목표 {{count}}개)',
  workPlanGoalsFigure_other: '채택된 사업계획 (목표 {{count}}개)',
  workPlanNone: '이 분기에 채택된 사업계획 없음',
  workPlanAtLeast_one: '분기 사업계획 채택 (목표 {{count}}개 이상)',
  workPlanAtLeast_other: '분기 사업계획 채택 (목표 {{count}}개 이상)',

  attendance: '회의와 참석',
  members: '명단의 성원',
  meetingsHeld: '진행된 회의',
  meetingsNotHeld: '열리지 않은 회의',
  averageAttendance: '평균 참석률',
  presentOfExpected: '참석 / 대상',
  noFigure: '—',
  byKind: '종류별 진행',
  meetingsNone: '이달에 회의가 없습니다.',
  colDate: '날짜',
  colKind: '종류',
  colMeetingStatus: '상태',
  colAttendance: '참석',
  meetingHeld: '진행',
  meetingNotHeld: '열리지 않음',
  meetingScheduled: '예정',

  decisions: '결정과 후속 과업',
  decisionsNone: '이달에 기록된 결정이 없습니다.',
  decisionOf: '{{date}}, {{kind}}',
  actionLine: '{{title}} ({{owner}}, 기한 {{due}}): {{status}}',
  actionLineNoOwner: '{{title}} (기한 {{due}}): {{status}}',
  actionOpen: '진행 중',
  actionDone: '완료',
  actionDropped: '취소',
  actionsDue: '이달 기한이 된 과업',
  actionsOnTime: '기한 내 완료',
  openFollowUps: '대책 중인 성원',

  notes: '비서 의견',
  generatedAt: '{{when}} 작성',
  page: '{{pages}}쪽 중 {{page}}쪽',
  continued: '{{section}} (계속)',
};

export const REPORT_LABELS: Record<ReportLanguage, Record<ReportLabel, string>> = { en, ko };

type Params = Record<string, string | number>;
type Base<K extends string> = K extends `${infer B}_one` ? B : K extends `${infer B}_other` ? B : K;
/** A label's key without its plural ending: what callers name (`count` picks the form). */
export type BaseLabel = Base<ReportLabel>;

/** A label of the report in `language`, params filled in; `count` picks the plural form. */
export function reportLabel(language: ReportLanguage, key: BaseLabel, params: Params = {}): string {
  const catalog = REPORT_LABELS[language];
  let full = key as string;
  if (typeof params.count === 'number' && !(key in catalog)) {
    full = `${key}_${new Intl.PluralRules(language).select(params.count) === 'one' ? 'one' : 'other'}`;
  }
  const text = catalog[full as ReportLabel] ?? full;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * The reader's language: `lang` when given, else the first of Accept-Language (by its q weights)
 * that the report speaks, else English.
 */
export function reportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ReportLanguage {
  if (lang === 'en' || lang === 'ko') return lang;
  const offered = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((o) => o.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  const found = offered.find((o) => o.primary === 'en' || o.primary === 'ko');
  return (found?.primary as ReportLanguage | undefined) ?? 'en';
}
