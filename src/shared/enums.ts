/** Vocabulary shared by the server and the web UI. */
export const SECTORS = [
  'metallurgy',
  'chemicals',
  'power',
  'coal',
  'machine-building',
  'rail-transport',
  'construction',
  'agriculture',
  'light-industry',
  'fisheries',
  'economic-guidance',
  'education',
  'public-health',
  'culture',
  'press',
  'sport',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const UNIT_KINDS = ['committee', 'cell'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const MEMBERSHIP_ROLES = ['member', 'candidate', 'secretary', 'deputy_secretary'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** `handler` handles integrity cases and opens nothing else (decision 0029). */
export const GRANT_ROLES = ['member', 'secretary', 'official', 'admin', 'handler'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

export const GRANT_ACCESS = ['read', 'manage'] as const;
export type GrantAccess = (typeof GRANT_ACCESS)[number];

export const LIMITS = {
  name: 200,
  code: 64,
  login: 254,
  passwordMin: 8,
  passwordMax: 128,
  email: 254,
  phone: 40,
  workplace: 200,
  pageDefault: 50,
  pageMax: 500,
  search: 100,
} as const;
