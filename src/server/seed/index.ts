export { seedOrganization, type SeedOptions, type SeedProgress, type SeedResult } from './organization.ts';
export { DEMO_LOGINS, DEMO_PASSWORD, seedDemo, type DemoLogin } from './demo.ts';
export { seedActivity, type ActivityOptions, type ActivityResult } from './activity.ts';
