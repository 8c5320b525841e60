/**
 * The unit tree: committees level by level (ids in breadth-first order, so a parent's id is always
 * smaller than its children's), then the cells under each primary committee. Committees are few
 * (about 20,000 at the design point) and kept as objects; cells are kept as typed arrays only.
 */
import type { Sector } from '../../shared/enums.ts';
import { CHUNK_CHARS, NULL } from './copy.ts';
import { dateText, dayOf } from './dates.ts';
import { mixSeed, Rng, WeightedTable } from './random.ts';
import { planCellSizes, planCommitteeLevels, spreadChildren } from './tree.ts';
import { cellTeamWord, PLACE_FIRST, PLACE_SECOND, SECTOR_LIST, SECTOR_WEIGHTS, WORKPLACES } from './vocabulary.ts';

export type Committee = {
  id: number;
  parentId: number | null;
  depth: number;
  path: string;
  code: string;
  name: string;
  sector: Sector | null;
  opened: number;
  /** Primary committees only: the workplace its cells belong to, in hangul and in English. */
  workKo: string;
  workEn: string;
  /** Primary committees only: index of its first cell and number of cells. */
  firstCell: number;
  cellCount: number;
};

export type Organization = {
  committees: Committee[];
  primaries: Committee[];
  cells: number;
  firstCellId: number;
  cellSize: Uint8Array;
  cellOpened: Int32Array;
  cellSector: Uint8Array;
  cellPrimary: Int32Array;
};

export const UNIT_COLUMNS = 'units (id, parent_id, kind, name, code, sector, path, depth, opened_on, member_count)';

const sectorTable = new WeightedTable(SECTOR_LIST.map((s) => SECTOR_WEIGHTS[s]));
const drawSector = (rng: Rng): Sector => SECTOR_LIST[sectorTable.draw(rng)] as Sector;

function place(rng: Rng): [string, string] {
  const [k1, e1] = rng.pick(PLACE_FIRST);
  const [k2, e2] = rng.pick(PLACE_SECOND);
  return [k1 + k2, e1 + e2];
}

/** Korean-style or English-style name (about 60/40), by the committee's role in the tree. */
function committeeName(role: string, rng: Rng, work: [string, string] | null): string {
  const korean = rng.chance(0.6);
  if (role === 'primary' && work) return korean ? `${work[0]} 초급위원회` : `${work[1]} Primary Committee`;
  const [ko, en] = place(rng);
  if (role === 'province') {
    return rng.chance(0.2) ? (korean ? `${ko}시 위원회` : `${en} City Committee`) : korean ? `${ko}도 위원회` : `${en} Province Committee`;
  }
  if (role === 'city') {
    return rng.chance(0.35) ? (korean ? `${ko}시 위원회` : `${en} City Committee`) : korean ? `${ko}군 위원회` : `${en} County Committee`;
  }
  return korean ? `${ko}구역 위원회` : `${en} District Committee`;
}

const ROLES_ABOVE_PRIMARY = ['province', 'city', 'district'];
const CODE_LETTER: Record<string, [string, number]> = { province: ['P', 2], city: ['C', 3], district: ['D', 3], primary: ['B', 3] };
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Plans the whole tree for `cells` cells holding `members` people. Deterministic for a seed. */
export function planOrganization(cells: number, members: number, seed: number): Organization {
  const rng = new Rng(mixSeed(seed, 0x7ee));
  const cellSize = planCellSizes(cells, members, rng);
  const levels = planCommitteeLevels(cells);
  const central: Committee = {
    id: 1,
    parentId: null,
    depth: 0,
    path: '1',
    code: 'CC',
    name: rng.chance(0.5) ? '중앙위원회' : 'Central Committee',
    sector: null,
    opened: dayOf(1970),
    workKo: '',
    workEn: '',
    firstCell: 0,
    cellCount: 0,
  };
  const committees: Committee[] = [central];
  let parents = [central];
  let nextId = 2;
  for (let depth = 1; depth < levels.length; depth++) {
    const isPrimary = depth === levels.length - 1;
    const role = isPrimary ? 'primary' : (ROLES_ABOVE_PRIMARY[depth - 1] as string);
    const [letter, width] = CODE_LETTER[role] as [string, number];
    const fan = spreadChildren(levels[depth] as number, parents.length, rng);
    const level: Committee[] = [];
    parents.forEach((parent, p) => {
      for (let i = 1; i <= (fan[p] as number); i++) {
        const id = nextId++;
        const sector = isPrimary ? drawSector(rng) : null;
        let work: [string, string] | null = null;
        if (sector) {
          const [ko, en] = place(rng);
          const [sk, se] = rng.pick(WORKPLACES[sector]);
          work = [ko + sk, `${en} ${se}`];
        }
        level.push({
          id,
          parentId: parent.id,
          depth,
          path: `${parent.path}.${id}`,
          code: depth === 1 ? `${letter}${pad(i, width)}` : `${parent.code}-${letter}${pad(i, width)}`,
          name: committeeName(role, rng, work),
          sector,
          opened: parent.opened + rng.int(isPrimary ? 8 * 365 : 5 * 365),
          workKo: work?.[0] ?? '',
          workEn: work?.[1] ?? '',
          firstCell: 0,
          cellCount: 0,
        });
      }
    });
    committees.push(...level);
    parents = level;
  }
  const primaries = parents;
  const fan = spreadChildren(cells, primaries.length, rng, 0.6);
  const cellOpened = new Int32Array(cells);
  const cellSector = new Uint8Array(cells);
  const cellPrimary = new Int32Array(cells);
  let c = 0;
  primaries.forEach((primary, p) => {
    primary.firstCell = c;
    primary.cellCount = fan[p] as number;
    for (let i = 0; i < primary.cellCount; i++, c++) {
      cellPrimary[c] = p;
      cellOpened[c] = primary.opened + rng.int(10 * 365);
      const sector = rng.chance(0.85) ? (primary.sector as Sector) : drawSector(rng);
      cellSector[c] = SECTOR_LIST.indexOf(sector);
    }
  });
  return { committees, primaries, cells, firstCellId: nextId, cellSize, cellOpened, cellSector, cellPrimary };
}

function committeeLine(u: Committee): string {
  return `${u.id}\t${u.parentId ?? NULL}\tcommittee\t${u.name}\t${u.code}\t${u.sector ?? NULL}\t${u.path}\t${u.depth}\t${dateText(u.opened)}\t0\n`;
}

/** Units as COPY text chunks: committees, then each primary committee's cells. */
export function* unitChunks(org: Organization, seed: number, onRows: (rows: number) => void): Generator<string> {
  let buf = '';
  let rows = 0;
  for (const u of org.committees) {
    buf += committeeLine(u);
    rows++;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
      onRows(rows);
    }
  }
  const rng = new Rng(mixSeed(seed, 0xce11));
  const cellDepth = (org.primaries[0] as Committee).depth + 1;
  for (const primary of org.primaries) {
    for (let i = 0; i < primary.cellCount; i++) {
      const c = primary.firstCell + i;
      const id = org.firstCellId + c;
      const sector = SECTOR_LIST[org.cellSector[c] as number] as Sector;
      const n = i + 1;
      const name = rng.chance(0.7) ? `${primary.workKo} ${n}${cellTeamWord(sector)} 세포` : `${primary.workEn} Cell ${n}`;
      buf += `${id}\t${primary.id}\tcell\t${name}\t${primary.code}-S${pad(i + 1, 2)}\t${sector}\t${primary.path}.${id}\t${cellDepth}\t${dateText(org.cellOpened[c] as number)}\t${org.cellSize[c]}\n`;
      rows++;
      if (buf.length >= CHUNK_CHARS) {
        yield buf;
        buf = '';
        onRows(rows);
      }
    }
  }
  if (buf) yield buf;
  onRows(rows);
}
