/**
 * The API's request and response shapes. The server validates with them and the web forms reuse them,
 * so a field's rules live in one place.
 */
export * from './schemas/base.ts';
export * from './schemas/org.ts';
export * from './schemas/health.ts';
export * from './schemas/home.ts';
export * from './schemas/audit.ts';
