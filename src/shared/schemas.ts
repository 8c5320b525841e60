/**
 * The API's request and response shapes, one file per module under schemas/. The server validates with
 * them and the web reuses them, so a field's rules live in one place. Import a module's own file
 * (`shared/schemas/meetings.ts`); this index only gathers them.
 */
export * from './schemas/base.ts';
export * from './schemas/units.ts';
export * from './schemas/people.ts';
export * from './schemas/accounts.ts';
export * from './schemas/imports.ts';
export * from './schemas/meetings.ts';
export * from './schemas/calendar.ts';
export * from './schemas/compliance.ts';
export * from './schemas/reports.ts';
export * from './schemas/home.ts';
export * from './schemas/audit.ts';
export * from './schemas/health.ts';
