/**
 * Every message the API can put in an error, by stable key. The server builds the English `message` from
 * here; clients translate by `messageKey` and `params` (the web's copies live under `serverErrors` in its
 * i18n catalogs, and test/i18n.test.ts checks none is missing). `{{name}}` marks a param, as in i18next.
 * A name known in both languages is passed as two params, the English text naming `xEn` and the server
 * sending `xKo` beside it, so each catalog picks its own (see ParamName).
 */
export const ERROR_MESSAGES = {
  'common.notFound': 'Not found',

  'request.invalidInput': 'Invalid input',
  'request.invalidInputAt': 'Invalid input at {{path}}: {{issue}}',
  'request.rejected': '{{reason}}',
  'request.badRequest': 'Bad request',
  'request.tooLarge': 'The request body is too large',
  'request.notJson': 'Send JSON (content-type: application/json)',
  'request.noRoute': 'No route {{method}} {{path}}',
  'request.noFileOrRoute': 'No such file or route',
  'request.badCursor': 'The cursor is not valid; start again without it',
  'server.failed': 'Something went wrong on the server',
  'server.badResponse': 'The server produced an invalid response',
  'server.databaseDown': 'The database does not answer',

  'db.codeTaken': 'That code is already in use',
  'db.loginTaken': 'That login is already in use',
  'db.memberNoTaken': 'That member number is already in use',
  'db.alreadyInCell': 'The person already belongs to a cell',
  'db.duplicate': 'That already exists',
  'db.missingReference': 'A referenced object does not exist',
  'db.ruleBroken': 'A value breaks a rule of the data',
  'db.valueMissing': 'A required value is missing',
  'db.wrongForm': 'A value has the wrong form',
  'db.changedMeanwhile': 'The data changed meanwhile; try again',

  'auth.wrongCredentials': 'Wrong login or password',
  'auth.tooManyAttempts': 'Too many failed sign-ins; try again in {{seconds}} seconds',
  'auth.signInFirst': 'Sign in first',
  'auth.csrf': 'Missing or wrong {{header}} header',
  'auth.badToken': 'Unknown or revoked API token',
  'token.notFound': 'No such token',

  'account.notFound': 'No such account',
  'grant.notFound': 'No such grant',
  'grant.adminTakesNoUnit': 'An administrator grant covers the whole tree; give no unit',
  'grant.needsUnit': 'This role needs a unit',
  'grant.needsCell': 'Member and secretary grants are on a cell',
  'grant.needsCommittee': 'Official grants are on a committee',

  'password.tooShort': 'The password needs at least {{min}} characters',
  'password.tooLong': 'The password may have at most {{max}} characters',
  'password.common': 'That password is one of the most common ones; choose another',
  'password.demoRefused': 'Demo accounts cannot sign in on this database; create a real account with cellwork create-admin',
  'administrators.lastOne': 'This is the last active administrator; make another account an administrator first',

  'unit.notFound': 'No such unit',
  'unit.parentNotFound': 'No such parent unit',
  'unit.addUnderCell': 'Cells are leaves: a unit can only be added under a committee',
  'unit.parentClosed': 'The parent unit is closed',
  'unit.opensBeforeParent': 'A unit cannot open before its parent',
  'unit.moveTop': 'The top of the tree cannot be moved',
  'unit.moveUnderCell': 'Units can only be moved under a committee',
  'unit.newParentClosed': 'The new parent unit is closed',
  'unit.moveUnderItself': 'A unit cannot move under itself',
  'unit.closeTop': 'The top of the tree cannot be closed',
  'unit.alreadyClosed': 'The unit is already closed',
  'unit.closeInFuture': 'A unit cannot be closed in the future',
  'unit.closeBeforeOpened': 'A unit cannot close before it opened',
  'unit.hasOpenUnits': 'Close or move the units under it first',
  'unit.hasMembers': "Transfer the cell's members to other cells first",
  'unit.closed': 'The unit is closed',
  'cell.notFound': 'No such cell',
  'cell.closed': 'The cell is closed',

  'person.notFound': 'No such person',
  'person.notInCommittee': 'People belong to cells, not committees',
  'person.notOnRoll': "The person is not on this cell's roll",
  'person.alreadyErased': 'The person is already erased',
  'membership.startsInFuture': 'A membership cannot start in the future',
  'membership.transferInFuture': 'A transfer cannot be dated in the future',
  'membership.cellNotOpen': 'The cell was not open on that date',
  'membership.alreadyOnRoll': "The person is already on that cell's roll",
  'membership.beforeCurrent': 'The date must not be before the current membership began ({{since}})',
  'secretary.cellsOnly': 'Secretaries are appointed to cells',
  'secretary.appointInFuture': 'An appointment cannot be dated in the future',
  'secretary.candidate': 'A candidate cannot be appointed; admit them as a member first',
  'secretary.noOfficerRole': 'The person holds no officer role in this cell',
  'secretary.relieveInFuture': 'A relief cannot be dated in the future',

  'meeting.notFound': 'No such meeting',
  'meeting.kindRetired': 'The meeting kind {{nameEn}} ({{kind}}) is retired: new meetings cannot use it',
  'meeting.cellNotOpen': 'The cell was not open on that day',
  'meeting.alreadyRecorded': 'A meeting already recorded cannot be moved; correct its attendance instead',
  'meeting.savedMeanwhile': 'Someone else saved this meeting meanwhile; reload it and try again',
  'meeting.notBegun': 'A meeting that has not begun cannot be recorded as held',

  'directive.notFound': 'No such directive',
  'directive.notDraft': 'Only a draft can be changed or published',
  'directive.notPublished': 'Only a published directive can be withdrawn',
  'directive.withdrawn': 'This directive has been withdrawn',
  'directive.targetOutsideIssuer': 'Every target must lie under the issuing committee',
  'directive.notOnRoll': 'Only members on your own cell roll who received this directive can be briefed',
  'directive.briefingInFuture': 'A briefing cannot be dated in the future',
  'directive.briefingBeforeRound': 'A briefing cannot be dated before the directive was sent',
  'directive.briefingNobody': "Name the members briefed, or mark a meeting's present members",
  'directive.meetingNotInCell': "That meeting is not one of your cell's meetings",

  'attachment.notFound': 'No such attachment',
  'attachment.empty': 'The file is empty',
  'attachment.tooLarge': 'A file may be at most {{maxMb}} MB',
  'attachment.tooMany': 'A directive may have at most {{max}} attachments',
  'attachment.typeNotAllowed': 'Only PDF, PNG, JPEG and plain text (UTF-8) files may be attached',
  'attachment.noFile': 'Send one file as multipart/form-data (field "file")',
  'attendance.rollMismatch': 'The records must list every member on the roll that day, once each',
  'assignment.notFound': 'No such assignment',
  'assignment.notOnRoll': "Assignments can only be given to members on the cell's roll",
  'assignment.decisionNotInCell': "That decision is not one of this cell's",
  'assignment.dueBeforeToday': 'The due date cannot be in the past',
  'assignment.notDone': 'Only an assignment marked done can be evaluated',
  'assignment.ownWork': 'Nobody evaluates their own work; an official over the cell evaluates it',
  'assignment.offScale': 'The score must be a whole number from {{min}} to {{max}}',
  'assignment.closed': 'This assignment is cancelled or already evaluated',
  'assignment.noPerson': 'This account has no person record, so no assignments',
  'helpRequest.notFound': 'No such request for help',
  'helpRequest.noPerson': 'This account has no person record, so it cannot ask for help',
  'helpRequest.noCell': "You are not on any cell's roll, so there is no cell to ask",
  'helpRequest.countsOnly': "Requests for help are read by the cell's secretary and members only; committees see the counts",
  'helpRequest.notYours': 'Only the member who asked can change this request',
  'helpRequest.erased': "This request's text was erased",
  'helpRequest.closed': 'This request is resolved or withdrawn',
  'helpRequest.nothingToChange': 'Nothing to change',
  'helpRequest.withdrawn': 'This request was withdrawn',
  'helpRequest.wrongStatus': 'Not possible while the request is {{status}}',
  'helpRequest.ownRequest': 'You cannot answer your own request',
  'helpRequest.onlySecretaryResolves': "Only the cell's secretary marks a request resolved",
  'mentorship.notFound': 'No such mentorship',
  'mentorship.selfMentor': 'A mentor cannot mentor themself',
  'mentorship.mentorNotOnRoll': "The mentor must be a member on the cell's roll",
  'mentorship.notCandidate': 'The mentee is not a current candidate of this cell',
  'mentorship.notYoungPerson': "The mentee is not a young person of one of this cell's youth groups",
  'mentorship.menteeNotFound': 'The mentee is not a member of this cell or of a cell you manage',
  'mentorship.duplicate': 'This mentor already mentors this person',
  'mentorship.logByMentor': 'Only the mentor or the secretary writes the log',
  'mentorship.manageOnly': 'Only the secretary or an official over the cell does this',
  'mentorship.ended': 'This mentorship has ended',
  'mentorship.metOnOutOfRange': 'The meeting day must be from {{from}} to today',
  'mentorship.endedOnOutOfRange': 'The end day must be from {{from}} to today',
  'mentorship.notReviewSession': "That is not one of this cell's review sessions",
  'mentorship.reviewNotHeld': 'That review session has not been held',
  'mentorship.alreadyReviewed': 'This mentorship was already reviewed at that session',
  'youthGroup.notFound': 'No such youth group',
  'youthGroup.assignedNotOnRoll': "The assigned member must be on the cell's roll",
  'youthGroup.closed': 'This youth group is closed',
  'youthGroup.personNotYoung': "That person is not a young person of this cell's youth groups",
  'youthGroup.alreadyInGroup': 'That young person is already in this group',
  'youthGroup.personNotFound': 'That young person is not in this group',
  'nomination.notFound': 'No such nomination',
  'nomination.personNotFound': 'No such person to nominate',
  'nomination.alreadyOnRoll': 'This person is already on a roll; only someone not on any roll can be nominated as a candidate',
  'nomination.alreadyOpen': 'This person already has a nomination in progress',
  'nomination.notCandidate': 'Only a current candidate of this cell can be proposed for full membership',
  'nomination.candidacyNotOver': 'The candidacy period is not over until {{date}}',
  'nomination.sponsorIsNominee': 'The nominee cannot sponsor themself',
  'nomination.sponsorNotMember': 'Every sponsor must be a full member of this cell (not a candidate)',
  'nomination.sponsorTooRecent': 'Every sponsor must have been a full member of the cell for at least {{months}} months',
  'nomination.notSponsor': 'That person is not a sponsor of this nomination',
  'nomination.closed': 'This nomination is closed',
  'nomination.dateInFuture': 'The day cannot be in the future',
  'nomination.criterionNotFound': 'No such criterion for this nomination',
  'nomination.taskNotFound': 'No such training task',
  'nomination.alreadyVoted': 'The cell has already voted on this nomination',
  'nomination.meetingNotFound': "That meeting is not one of this cell's",
  'nomination.meetingNotHeld': 'The vote must be taken at a general meeting that was held',
  'nomination.meetingBeforeNomination': 'The meeting was held before the nomination',
  'nomination.votesExceedPresent': 'The votes ({{votes}}) exceed the full members present ({{present}})',
  'nomination.notVoted': 'The committee decides only after the cell has voted in favour',
  'nomination.alreadyDecided': 'This nomination has already been decided',
  'nomination.notAbove': 'Only an official managing a committee above the cell decides',
  'admissions.criterionScope': 'Criteria are added by the centre or by a committee for its subtree',
  'action.notFound': 'No such action',
  'action.ownersNotOnRoll': "Owners of actions must be on the cell's roll",
  'followUp.notFound': 'No such follow-up',
  'calendar.notFound': 'No such calendar',
  'notification.notFound': 'No such notification',
  'notification.noPerson': 'This account has no person record, so it receives no notifications',
  'webhook.notFound': 'No such webhook',
  'webhook.privateAddress': 'A webhook cannot point at localhost or a private, loopback or link-local address',
  'calendar.noPerson': 'This account has no person record, so no meetings to show',
  'report.alreadySubmitted': "This month's report was already submitted",
  'report.monthNotOver': 'The month is not over until {{monthEndsOn}}: to submit its report early, confirm it (confirmEarly)',
  'period.badFormat': 'period must look like 2026-03',
  'period.notBegun': 'That month has not begun',

  'meetingKind.notFound': 'No such meeting kind',
  'meetingKind.unknown': 'Unknown meeting kind {{kind}}',
  'meetingKind.defaultKind': 'The {{nameEn}} cannot be retired: the default standards and the quorum rule rely on it',
  'meetingKind.usedByStandards':
    'Standards in force or planned refer to {{nameEn}}: {{standardsEn}}. Retire them or change their meeting kind first',
  'standard.notFound': 'No such standard',
  'standard.pastMonths': 'A rulebook change cannot rewrite past months: apply it from this month or later',
  'standard.unknownKind': 'No such kind of standard: {{kind}}',
  'standard.kindRetired': 'The meeting kind {{nameEn}} ({{kind}}) is retired: restore it before a standard refers to it',

  'import.notFound': 'No such import',
  'import.idTaken': 'An import with that id already exists',
  'import.rejected': '{{count}} problem(s) found in the file; nothing was imported',
  'import.notCsv': 'Send the CSV file as the request body with content-type text/csv',
  'import.emptyFile': 'The file is empty: it needs a header line with full_name',
  'import.badCsv': 'The file is not valid CSV near line {{line}}: {{reason}}',
  'import.unknownColumns': 'The CSV header is not usable: unknown column(s): {{columns}}; expected some of {{expected}}',
  'import.noFullName': 'The CSV header is not usable: the header must have a full_name column',
  'import.repeatedColumn': 'The CSV header is not usable: column {{column}} appears twice',

  // Limits on what a client may send (issue 9: ids, sizes, encodings, versions).
  'input.columnTooLong': 'The CSV header is not usable: a column name is longer than {{max}} characters',
  'input.lineTooLong': 'Line {{line}} of the CSV is longer than {{max}} characters',
  'input.urlTooLong': 'A part of the address is too long',
  'input.badUrl': 'The address is not valid',
  'input.badJson': 'The body is not valid JSON',
  'input.emptyJson': 'The body is empty; send a JSON value',
  'input.badContentLength': "The body's length does not match its content-length header",
  'input.headersTooLarge': 'The request headers are too large',
  'input.malformedRequest': 'The request is not valid HTTP',
  'input.requestTimeout': 'The request took too long to arrive',
  'input.notUtf8': 'The body is not valid UTF-8 text',
  'input.loneSurrogate': 'The body holds a lone surrogate (such as \\ud800), which is not a character',
  'import.notUtf8': 'The file is not UTF-8 text; save it as "CSV UTF-8" and import it again',

  // The study library (issue 11).
  'library.itemNotFound': 'No such document or article',
  'library.issueNotFound': 'No such newspaper issue',
  'library.itemsNotFound': 'No such document or article: {{ids}}',
  'library.unitNotCommittee': 'Reading lists are chosen by the centre or a committee, not by a cell',
  'library.listNotFound': 'No such reading list',
  'library.listTooLong': 'A reading list covers at most {{max}} days',
  'library.notStudyMeeting': 'Readings are linked to study meetings only',
  'library.editorialNotArticle': 'Only a newspaper article can be an editorial',
  'library.readInFuture': 'A reading cannot be dated in the future',
  'library.noPerson': 'This account has no person record, so no reading log',
  'library.emptyBody': 'The body has no text left after sanitising',

  // Review sessions (issue 12).
  'review.notReviewMeeting': 'Self-assessments and feedback belong to review sessions only',
  'review.closed': 'This review session is closed',
  'review.notHeld': 'This review session was recorded as not held',
  'review.notOnRoll': "Only members on this meeting's roll write self-assessments and give feedback",
  'review.aboutNotOnRoll': "Feedback is given only about members on this meeting's roll",
  'review.feedbackAboutOneself': 'Feedback cannot be about yourself; write a self-assessment instead',
  'review.feedbackAlreadyGiven': 'You have already given this kind of feedback about this member in this session',
  'review.noSelfAssessment': 'You have not written a self-assessment for this session',
  // Education (issue 12).
  'education.programmeNotFound': 'No such programme',
  'education.themesNotFound': 'No such theme: {{ids}}',
  'education.themesRetired': 'These themes are retired and can no longer be chosen: {{ids}}',
  'education.notStudyMeeting': 'Themes are linked to study meetings only',
  'education.enrolmentNotFound': 'No such enrolment',
  'education.endBeforeStart': 'The expected end is before the start',
} as const;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES;
export const ERROR_MESSAGE_KEYS = Object.keys(ERROR_MESSAGES) as ErrorMessageKey[];

type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;
type KoreanTwin<P extends string> = P extends `${infer Base}En` ? `${Base}Ko` : never;
/** The params a message needs: those its text names, e.g. 'kind' | 'nameEn', and the `xKo` of each `xEn`; never when none. */
export type ParamName<K extends ErrorMessageKey> =
  | Placeholders<(typeof ERROR_MESSAGES)[K]>
  | KoreanTwin<Placeholders<(typeof ERROR_MESSAGES)[K]>>;
export type ErrorParams = Record<string, string | number>;

/** The English text of a message with its params filled in. */
export function formatErrorMessage(key: ErrorMessageKey, params?: ErrorParams): string {
  return ERROR_MESSAGES[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? ''));
}

/** The `{{name}}`s of a text, to check that translations use the same params. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))].sort();
}

/** The params the server sends with a message: ParamName, at run time. */
export function paramsOf(key: ErrorMessageKey): string[] {
  const named = placeholdersOf(ERROR_MESSAGES[key]);
  return [...named, ...named.filter((p) => p.endsWith('En')).map((p) => `${p.slice(0, -2)}Ko`)].sort();
}
