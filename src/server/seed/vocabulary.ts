/**
 * Word lists for invented, Korean-style and English-style names. Every entry is plain text without
 * backslash, tab, newline or carriage return, so generated COPY lines need no escaping (checked below
 * once at load instead of on every row).
 */
import { SECTORS, type Sector } from '../../shared/enums.ts';

/** Place-name syllables: [hangul, romanization]. A place is first + second, e.g. 강선 / Kangson. */
export const PLACE_FIRST: ReadonlyArray<readonly [string, string]> = [
  ['강', 'Kang'], ['평', 'Pyong'], ['함', 'Ham'], ['청', 'Chong'], ['순', 'Sun'], ['남', 'Nam'], ['북', 'Puk'],
  ['신', 'Sin'], ['안', 'An'], ['원', 'Won'], ['해', 'Hae'], ['혜', 'Hye'], ['만', 'Man'], ['은', 'Un'],
  ['덕', 'Tok'], ['회', 'Hoe'], ['룡', 'Ryong'], ['송', 'Song'], ['금', 'Kum'], ['대', 'Tae'], ['고', 'Ko'],
  ['장', 'Jang'], ['봉', 'Pong'], ['천', 'Chon'], ['락', 'Rak'], ['명', 'Myong'], ['개', 'Kae'], ['영', 'Yong'],
  ['정', 'Jong'], ['문', 'Mun'], ['백', 'Paek'], ['삼', 'Sam'], ['학', 'Hak'], ['온', 'On'], ['운', 'Un'],
];
export const PLACE_SECOND: ReadonlyArray<readonly [string, string]> = [
  ['선', 'son'], ['산', 'san'], ['천', 'chon'], ['주', 'ju'], ['성', 'song'], ['흥', 'hung'], ['원', 'won'],
  ['포', 'pho'], ['진', 'jin'], ['암', 'am'], ['덕', 'dok'], ['동', 'dong'], ['평', 'pyong'], ['강', 'gang'],
  ['양', 'yang'], ['하', 'ha'], ['림', 'rim'], ['화', 'hwa'], ['전', 'jon'], ['곡', 'gok'], ['령', 'ryong'],
  ['읍', 'up'], ['니', 'ni'], ['수', 'su'], ['탄', 'than'], ['계', 'gye'],
];

/** Workplaces by sector: [hangul suffix, English suffix], e.g. 강선 + 제강소 / Kangson + Steel Works. */
export const WORKPLACES: Record<Sector, ReadonlyArray<readonly [string, string]>> = {
  metallurgy: [['제강소', 'Steel Works'], ['제철소', 'Iron Works'], ['금속공장', 'Metal Works']],
  chemicals: [['화학공장', 'Chemical Factory'], ['비료공장', 'Fertilizer Complex'], ['화학섬유공장', 'Chemical Fibre Mill']],
  power: [['화력발전소', 'Thermal Power Station'], ['수력발전소', 'Hydroelectric Power Station'], ['송배전소', 'Power Grid Office']],
  coal: [['탄광', 'Coal Mine'], ['청년탄광', 'Youth Coal Mine'], ['광산', 'Mine']],
  'machine-building': [['기계공장', 'Machine Plant'], ['뜨락또르공장', 'Tractor Works'], ['공작기계공장', 'Machine Tool Works']],
  'rail-transport': [['철도국', 'Railway Bureau'], ['기관차대', 'Locomotive Depot'], ['역', 'Station']],
  construction: [['건설사업소', 'Construction Office'], ['건설련합기업소', 'Construction Complex'], ['건재공장', 'Building Materials Factory']],
  agriculture: [['협동농장', 'Cooperative Farm'], ['국영농장', 'State Farm'], ['농업연구소', 'Agricultural Institute']],
  'light-industry': [['방직공장', 'Textile Mill'], ['식료공장', 'Foodstuff Factory'], ['신발공장', 'Shoe Factory'], ['일용품공장', 'Daily Goods Factory']],
  fisheries: [['수산사업소', 'Fishery Station'], ['양어장', 'Fish Farm'], ['수산협동조합', 'Fishing Cooperative']],
  'economic-guidance': [['경제지도국', 'Economic Guidance Bureau'], ['계획위원회', 'Planning Commission'], ['상업관리소', 'Commerce Office']],
  education: [['대학', 'University'], ['고급중학교', 'Senior Middle School'], ['사범대학', 'Teachers College'], ['소학교', 'Primary School']],
  'public-health': [['인민병원', 'People\'s Hospital'], ['병원', 'Hospital'], ['진료소', 'Clinic'], ['제약공장', 'Pharmaceutical Factory']],
  culture: [['예술단', 'Art Troupe'], ['극장', 'Theatre'], ['도서관', 'Library'], ['문화회관', 'Culture House']],
  press: [['신문사', 'Daily'], ['방송국', 'Broadcasting Station'], ['출판사', 'Publishing House']],
  sport: [['체육단', 'Sports Club'], ['체육관', 'Gymnasium']],
  other: [['편의봉사소', 'Service Centre'], ['상점', 'Store'], ['려관', 'Hotel'], ['관리소', 'Management Office']],
};

/** Sector frequencies (skewed: farms, factories and schools far outnumber newspapers). */
export const SECTOR_WEIGHTS: Record<Sector, number> = {
  agriculture: 18, 'machine-building': 10, 'light-industry': 9, education: 9, construction: 8, metallurgy: 6,
  coal: 6, 'public-health': 6, 'rail-transport': 5, power: 5, chemicals: 5, fisheries: 4, other: 4,
  'economic-guidance': 3, culture: 3, press: 1, sport: 1,
};
export const SECTOR_LIST: readonly Sector[] = SECTORS;

/** The team word in a cell's Korean name: a work team in industry, a sub-team on a farm, a class elsewhere. */
export function cellTeamWord(sector: Sector): string {
  if (sector === 'agriculture' || sector === 'fisheries') return '분조';
  if (sector === 'education' || sector === 'public-health' || sector === 'culture' || sector === 'press'
    || sector === 'sport' || sector === 'economic-guidance' || sector === 'other') return '반';
  return '작업반';
}

/** Korean family names with rough frequencies (per mille). */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['김', 215], ['리', 110], ['이', 37], ['박', 84], ['최', 47], ['정', 44], ['강', 23], ['조', 21], ['윤', 21],
  ['장', 20], ['림', 17], ['한', 15], ['오', 15], ['서', 15], ['신', 14], ['권', 14], ['황', 14], ['안', 14],
  ['송', 13], ['류', 11], ['전', 11], ['홍', 11], ['고', 9], ['문', 9], ['량', 9], ['손', 9], ['배', 8],
  ['백', 8], ['허', 7], ['남', 6], ['심', 6], ['로', 6], ['하', 5], ['곽', 4], ['성', 4], ['차', 4], ['주', 4],
  ['우', 4], ['구', 4], ['민', 3], ['진', 3], ['지', 3], ['엄', 3], ['채', 3], ['원', 3], ['천', 2], ['방', 2],
  ['공', 2], ['현', 2], ['함', 2], ['변', 2], ['염', 2], ['양', 4], ['탁', 1], ['선우', 1], ['남궁', 1], ['황보', 1],
];

/** Given-name syllables; a given name is two of them. */
export const GIVEN_SYLLABLES: readonly string[] = [
  '철', '수', '영', '호', '민', '준', '성', '광', '명', '일', '혁', '남', '진', '학', '용', '국', '석', '현',
  '춘', '순', '희', '옥', '숙', '미', '정', '경', '은', '향', '란', '화', '금', '복', '혜', '선', '지', '련',
  '림', '송', '봉', '룡', '만', '동', '기', '원', '상', '효', '주', '하', '서', '윤', '설', '향', '애', '심',
];

export const ENGLISH_FIRST: readonly string[] = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Susan', 'Daniel', 'Sarah', 'Maria', 'Ana', 'Jose', 'Luis', 'Fatima', 'Ahmed', 'Aisha', 'Omar', 'Wei', 'Priya',
  'Arjun', 'Olga', 'Ivan', 'Sofia', 'Lucas', 'Emma', 'Noah', 'Amara', 'Kwame', 'Yusuf', 'Leila', 'Thomas',
  'Grace', 'Peter', 'Ruth', 'Hannah',
];
export const ENGLISH_LAST: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Lopez',
  'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Kim', 'Park', 'Nguyen', 'Khan', 'Singh',
  'Patel', 'Ivanov', 'Santos', 'Silva', 'Okafor', 'Mensah', 'Haddad', 'Cohen', 'Murphy', 'O\'Brien', 'Schmidt',
  'Rossi', 'Novak', 'Kowalski', 'Hansen', 'Dubois', 'Tanaka',
];

// COPY text format treats these characters specially; the lists above must never contain them.
const UNSAFE = /[\\\t\n\r]/;
const everyWord = [
  ...PLACE_FIRST.flat(), ...PLACE_SECOND.flat(), ...Object.values(WORKPLACES).flat(2),
  ...FAMILY_NAMES.map(([n]) => n), ...GIVEN_SYLLABLES, ...ENGLISH_FIRST, ...ENGLISH_LAST,
];
for (const w of everyWord) {
  if (UNSAFE.test(w)) throw new Error(`seed vocabulary entry needs COPY escaping: ${JSON.stringify(w)}`);
}
