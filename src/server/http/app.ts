/** The Fastify application: plugins, authentication, every module's routes, the OpenAPI document and the web app. */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { errorBody, notFound } from '../errors.ts';
import { accountRoutes } from '../modules/accounts/routes.ts';
import { admissionRoutes } from '../modules/admissions/routes.ts';
import { assignmentRoutes } from '../modules/assignments/routes.ts';
import { helpRequestRoutes } from '../modules/help-requests/routes.ts';
import { caseRoutes } from '../modules/cases/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { calendarRoutes } from '../modules/calendar/routes.ts';
import { directiveRoutes } from '../modules/directives/routes.ts';
import { educationRoutes } from '../modules/education/routes.ts';
import { complianceRoutes } from '../modules/compliance/routes.ts';
import { libraryRoutes } from '../modules/library/routes.ts';
import { meetingRoutes } from '../modules/meetings/routes.ts';
import { syncRoutes } from '../modules/sync/routes.ts';
import { mentorshipRoutes } from '../modules/mentorships/routes.ts';
import { visitRoutes } from '../modules/visits/routes.ts';
import { ideaRoutes } from '../modules/ideas/routes.ts';
import { workPlanRoutes } from '../modules/work-plans/routes.ts';
import { deedRoutes } from '../modules/deeds/routes.ts';
import { emulationRoutes } from '../modules/emulation/routes.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { reportRoutes } from '../modules/reports/routes.ts';
import { reviewRoutes } from '../modules/reviews/routes.ts';
import { secretaryRoutes } from '../modules/secretary/routes.ts';
import { homeRoutes } from '../modules/home/routes.ts';
import { targetRoutes } from '../modules/targets/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { importRoutes } from '../modules/imports/routes.ts';
import { peopleRoutes } from '../modules/people/routes.ts';
import { unitRoutes } from '../modules/units/routes.ts';
import { registerAuth } from './auth.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './errors.ts';
import { registerJsonBody } from './json-body.ts';
import type { App, RouteModule } from './route-kit.ts';

export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  unitRoutes,
  peopleRoutes,
  accountRoutes,
  importRoutes,
  meetingRoutes,
  complianceRoutes,
  calendarRoutes,
  reportRoutes,
  homeRoutes,
  auditRoutes,
  notificationRoutes,
  libraryRoutes,
  directiveRoutes,
  reviewRoutes,
  educationRoutes,
  assignmentRoutes,
  helpRequestRoutes,
  mentorshipRoutes,
  admissionRoutes,
  secretaryRoutes,
  caseRoutes,
  visitRoutes,
  targetRoutes,
  ideaRoutes,
  workPlanRoutes,
  deedRoutes,
  emulationRoutes,
  syncRoutes,
];

export type RouteInfo = { method: string; url: string; public: boolean };

/** `logger`: false for none, a pino logger to log there (tests read it), else one at the configured level. */
export async function buildApp(
  ctx: AppContext,
  opts: { logger?: boolean | FastifyBaseLogger } = {},
): Promise<FastifyInstance & { routeTable: RouteInfo[] }> {
  const app = Fastify({
    ...(typeof opts.logger === 'object'
      ? { loggerInstance: opts.logger }
      : { logger: opts.logger === false ? false : { level: ctx.config.logLevel } }),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1') && r.url !== '/api/health') return;
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, public: Boolean(r.config?.public) });
    }
  });

  registerErrorHandling(app);
  registerJsonBody(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Cellwork API', version: '1', description: 'The organizational life of cells under a hierarchy of committees.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cw_session' }, token: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, ctx);
  await app.register(async (api) => {
    for (const mod of routeModules) mod(api as unknown as App, ctx);
  });
  await serveWeb(app, ctx.config.webDir);
  return Object.assign(app, { routeTable });
}

/** The built web app, with index.html for every non-API path so client-side routes can be reloaded. */
async function serveWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const index = `${webDir}/index.html`;
  if (!fs.existsSync(index)) {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain').send('Cellwork API is running; the web app is not built (npm run build:web).'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    // The build leaves brotli and gzip copies next to each asset (src/cli/compress-assets.ts).
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // Hashed build assets never change; index.html must be revalidated so a new build is picked up.
    setHeaders: (reply: unknown, file: string) =>
      (reply as { header(k: string, v: string): void }).header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  app.get('/*', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) {
      return reply.status(404).send({ error: errorBody(notFound('request.noFileOrRoute')) });
    }
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
  });
}
