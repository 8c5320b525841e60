/**
 * People and their memberships, generated cell by cell. Each cell has two private PRNG streams: the
 * "core" one decides everything memberships depend on (role, birth year, dates, past transfer) and the
 * "detail" one everything else (names, contacts). The memberships pass replays only the core stream, so
 * both passes agree without keeping any person in memory.
 */
import { NULL } from './copy.ts';
import { CopyWriter, encode } from './copy-writer.ts';
import { dayOf, SEED_TODAY } from './dates.ts';
import { mixSeed, Rng, WeightedTable } from './random.ts';
import type { Organization } from './units.ts';
import { ENGLISH_FIRST, ENGLISH_LAST, FAMILY_NAMES, GIVEN_SYLLABLES } from './vocabulary.ts';

export const PEOPLE_COLUMNS = 'people (id, full_name, email, phone, birth_year, workplace, joined_on, member_no)';
export const MEMBERSHIP_COLUMNS = 'memberships (cell_id, id, person_id, role, from_date, to_date)';

const FIRST_BIRTH_YEAR = 1950;
const LAST_BIRTH_YEAR = 2006;
const EARLIEST_JOIN = dayOf(1975);
/** First day a person born in a given year may join: their 18th birthday year, and not before 1975. */
const JOIN_FROM = Int32Array.from({ length: LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1 }, (_, i) =>
  Math.max(EARLIEST_JOIN, dayOf(FIRST_BIRTH_YEAR + i + 18)),
);
const LATEST_JOIN = SEED_TODAY - 60;
const LATEST_TRANSFER = SEED_TODAY - 30;

/** What the memberships depend on; one reusable object so the hot loop allocates nothing. */
type Core = {
  role: 'secretary' | 'deputy_secretary' | 'candidate' | 'member';
  birthYear: number;
  joined: number;
  from: number;
  /** Index of the cell of a past membership that ended on `from`, or -1. */
  oldCell: number;
  oldFrom: number;
};

const newCore = (): Core => ({ role: 'member', birthYear: 0, joined: 0, from: 0, oldCell: -1, oldFrom: 0 });

function drawCore(rng: Rng, org: Organization, c: number, i: number, hasDeputy: boolean, out: Core): void {
  const candidate = i > 1 && rng.chance(0.05);
  out.role = i === 0 ? 'secretary' : i === 1 && hasDeputy ? 'deputy_secretary' : candidate ? 'candidate' : 'member';
  out.birthYear = FIRST_BIRTH_YEAR + Math.floor(((rng.next() + rng.next()) / 2) * (LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1));
  const earliest = Math.min(JOIN_FROM[out.birthYear - FIRST_BIRTH_YEAR] as number, LATEST_JOIN - 1);
  // Candidates are on probation, so they joined within the last two years.
  const start = candidate ? Math.max(earliest, SEED_TODAY - 730) : earliest;
  out.joined = start + rng.int(LATEST_JOIN - start);
  const opened = org.cellOpened[c] as number;
  out.oldCell = -1;
  out.from = Math.max(out.joined, opened);
  if (candidate || org.cells < 2 || !rng.chance(0.11)) return;
  // A past transfer, mostly between nearby cells (same committee or the next ones).
  let offset = rng.int(400) - 200;
  if (offset >= 0) offset++;
  let other = Math.min(org.cells - 1, Math.max(0, c + offset));
  if (other === c) other = c === 0 ? 1 : c - 1;
  const oldFrom = Math.max(out.joined, org.cellOpened[other] as number);
  const low = Math.max(oldFrom + 365, opened);
  if (low >= LATEST_TRANSFER) return;
  out.oldCell = other;
  out.oldFrom = oldFrom;
  out.from = low + rng.int(LATEST_TRANSFER - low);
}

const familyTable = new WeightedTable(FAMILY_NAMES.map(([, w]) => w));
const FAMILY_BYTES = FAMILY_NAMES.map(([n]) => encode(n));
const GIVEN_BYTES = GIVEN_SYLLABLES.map(encode);
const NULL_BYTES = encode(NULL);
const EMAIL_DOMAIN = '@example.org';
const ROLE_BYTES: Record<Core['role'], Uint8Array> = {
  secretary: encode('secretary'),
  deputy_secretary: encode('deputy_secretary'),
  candidate: encode('candidate'),
  member: encode('member'),
};

/** Writes a full name; returns whether it is Korean-style (the person's workplace is then written in hangul). */
function writeFullName(rng: Rng, out: CopyWriter): boolean {
  if (rng.chance(0.08)) {
    out.ascii(rng.pick(ENGLISH_FIRST));
    out.ascii(' ');
    out.ascii(rng.pick(ENGLISH_LAST));
    return false;
  }
  out.bytes(FAMILY_BYTES[familyTable.draw(rng)] as Uint8Array);
  const a = rng.int(GIVEN_BYTES.length);
  let b = rng.int(GIVEN_BYTES.length - 1);
  if (b >= a) b++; // no 철철
  out.bytes(GIVEN_BYTES[a] as Uint8Array);
  out.bytes(GIVEN_BYTES[b] as Uint8Array);
  return true;
}

const cellStreams = (seed: number, c: number) => [new Rng(mixSeed(seed, c, 1)), new Rng(mixSeed(seed, c, 2))] as const;

export type PeopleTally = { people: number; memberships: number };

/** People as COPY text chunks; counts memberships on the way so the next phase knows its total. */
export function* peopleChunks(
  org: Organization,
  seed: number,
  firstPersonId: number,
  tally: PeopleTally,
  onRows: (rows: number) => void,
): Generator<Buffer> {
  const core = newCore();
  const out = new CopyWriter();
  const workplaces = org.primaries.map((p) => [encode(p.workKo), encode(p.workEn)] as const);
  let id = firstPersonId;
  for (let c = 0; c < org.cells; c++) {
    const [coreRng, detail] = cellStreams(seed, c);
    const [workKo, workEn] = workplaces[org.cellPrimary[c] as number] as readonly [Uint8Array, Uint8Array];
    const hasDeputy = coreRng.chance(0.4);
    const size = org.cellSize[c] as number;
    for (let i = 0; i < size; i++, id++) {
      drawCore(coreRng, org, c, i, hasDeputy, core);
      tally.memberships += core.oldCell >= 0 ? 2 : 1;
      out.uint(id);
      out.tab();
      const korean = writeFullName(detail, out);
      out.tab();
      if (detail.chance(0.3)) {
        // e-mail: m0001234@example.org, from the member number
        out.ascii('m');
        out.padded(id, 7);
        out.ascii(EMAIL_DOMAIN);
      } else out.bytes(NULL_BYTES);
      out.tab();
      if (detail.chance(0.45)) {
        // phone: 01X-XXXX-XXXX
        out.ascii('01');
        out.uint(detail.int(10));
        out.ascii('-');
        out.padded(detail.int(10000), 4);
        out.ascii('-');
        out.padded(detail.int(10000), 4);
      } else out.bytes(NULL_BYTES);
      out.tab();
      out.uint(core.birthYear);
      out.tab();
      out.bytes(detail.chance(0.95) ? (korean ? workKo : workEn) : NULL_BYTES);
      out.tab();
      out.date(core.joined);
      out.tab();
      out.ascii('M');
      out.padded(id, 7);
      out.newline();
      if (out.full) {
        yield out.take();
        onRows(tally.people + i + 1);
      }
    }
    tally.people += size;
  }
  if (!out.empty) yield out.take();
  onRows(tally.people);
}

/** Memberships as COPY text chunks: for each person a past one (if transferred), then the open one. */
export function* membershipChunks(
  org: Organization,
  seed: number,
  firstPersonId: number,
  firstMembershipId: number,
  onRows: (rows: number) => void,
): Generator<Buffer> {
  const core = newCore();
  const out = new CopyWriter();
  let personId = firstPersonId;
  let id = firstMembershipId;
  for (let c = 0; c < org.cells; c++) {
    const [coreRng] = cellStreams(seed, c);
    const cellId = org.firstCellId + c;
    const hasDeputy = coreRng.chance(0.4);
    const size = org.cellSize[c] as number;
    for (let i = 0; i < size; i++, personId++) {
      drawCore(coreRng, org, c, i, hasDeputy, core);
      if (core.oldCell >= 0) {
        out.uint(org.firstCellId + core.oldCell);
        out.tab();
        out.uint(id++);
        out.tab();
        out.uint(personId);
        out.tab();
        out.bytes(ROLE_BYTES.member);
        out.tab();
        out.date(core.oldFrom);
        out.tab();
        out.date(core.from);
        out.newline();
      }
      out.uint(cellId);
      out.tab();
      out.uint(id++);
      out.tab();
      out.uint(personId);
      out.tab();
      out.bytes(ROLE_BYTES[core.role]);
      out.tab();
      out.date(core.from);
      out.tab();
      out.bytes(NULL_BYTES);
      out.newline();
      if (out.full) {
        yield out.take();
        onRows(id - firstMembershipId);
      }
    }
  }
  if (!out.empty) yield out.take();
  onRows(id - firstMembershipId);
}
