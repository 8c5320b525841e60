/** Unit targets (issue 15, task 5; decision 0030): thin routes; the rules are in service.ts, read.ts and catalogue.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CreatedTargetSchema,
  CreateIndicatorSchema,
  CreateTargetSchema,
  EvidenceFileSchema,
  EditedTargetSchema,
  EditTargetSchema,
  IndicatorSchema,
  ReportableSchema,
  ReportListQuerySchema,
  ReportPageSchema,
  ReportProgressSchema,
  TargetDetailSchema,
  TargetListQuerySchema,
  TargetListSchema,
  WithdrawTargetSchema,
} from '../../../shared/schemas/targets.ts';
import { requireActor } from '../../http/auth.ts';
import { registerUploadRoute, sendDownload } from '../../http/uploads.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { addIndicator, listIndicators, retireIndicator } from './catalogue.ts';
import { unitTargetsCsv } from './export.ts';
import { getTarget, listReportable, listReports, listUnitTargets } from './read.ts';
import { editTarget, withdrawTarget } from './edit.ts';
import { addReportEvidence, getReportEvidence } from './evidence.ts';
import { createTarget, reportProgress } from './service.ts';

const tags = ['targets'];
const IdOnlySchema = z.object({ id: z.number() });

export const targetRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/target-indicators',
    {
      schema: {
        tags,
        summary: 'The catalogue of indicators targets are set in (names and units of measure)',
        response: { 200: z.object({ items: z.array(IndicatorSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      requireActor(req);
      return listIndicators(db);
    },
  );

  app.post(
    '/api/v1/target-indicators',
    {
      schema: {
        tags,
        summary: "Add an indicator to the catalogue (the centre's administrator)",
        body: CreateIndicatorSchema,
        response: { 201: IdOnlySchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addIndicator(db, requireActor(req), req.body)),
  );

  app.delete(
    '/api/v1/target-indicators/:id',
    {
      schema: {
        tags,
        summary: "Retire an indicator from the catalogue (the centre's administrator); targets set keep their names",
        params: IdParamsSchema,
        response: { 200: IdOnlySchema, ...errorResponses },
      },
    },
    async (req) => retireIndicator(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/units/:id/targets',
    {
      schema: {
        tags,
        summary: 'Set a target for a unit for a year or a quarter, optionally split among its child units (an official managing it)',
        params: IdParamsSchema,
        body: CreateTargetSchema,
        response: { 201: CreatedTargetSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createTarget(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/units/:id/targets',
    {
      schema: {
        tags,
        summary:
          "A unit's targets for a year: achieved (the latest report of each unit under it, summed), expected by now, status, split parts behind",
        params: IdParamsSchema,
        querystring: TargetListQuerySchema,
        response: { 200: TargetListSchema, ...errorResponses },
      },
    },
    async (req) => listUnitTargets(db, requireActor(req), req.params.id, req.query.year),
  );

  app.get(
    '/api/v1/units/:id/targets.csv',
    {
      schema: {
        tags,
        summary: "A unit's targets for a year as CSV: figure, achieved, expected by now, status, the parts behind",
        params: IdParamsSchema,
        querystring: TargetListQuerySchema,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="unit-${req.params.id}-targets-${req.query.year}.csv"`)
        .send(await unitTargetsCsv(db, requireActor(req), req.params.id, req.query.year)),
  );

  app.get(
    '/api/v1/units/:id/reportable-targets',
    {
      schema: {
        tags,
        summary: "The targets a unit reports progress on for a year (its own and its committees'), with its latest figure in each",
        params: IdParamsSchema,
        querystring: TargetListQuerySchema,
        response: { 200: ReportableSchema, ...errorResponses },
      },
    },
    async (req) => listReportable(db, requireActor(req), req.params.id, req.query.year),
  );

  app.get(
    '/api/v1/targets/:id',
    {
      schema: {
        tags,
        summary: 'A target with its figures, achieved per child unit beside the split, and achieved over time',
        params: IdParamsSchema,
        response: { 200: TargetDetailSchema, ...errorResponses },
      },
    },
    async (req) => getTarget(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/targets/:id/reports',
    {
      schema: {
        tags,
        summary: 'The progress reports filed on a target (under one unit if asked), newest first, paged',
        params: IdParamsSchema,
        querystring: ReportListQuerySchema,
        response: { 200: ReportPageSchema, ...errorResponses },
      },
    },
    async (req) => listReports(db, requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/targets/:id/progress',
    {
      schema: {
        tags,
        summary: "Report a unit's progress on a target: its figure to date (the cell's secretary, an official managing the unit)",
        params: IdParamsSchema,
        body: ReportProgressSchema,
        response: { 201: IdOnlySchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await reportProgress(db, requireActor(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/targets/:id',
    {
      schema: {
        tags,
        summary: 'Change a running target: its figure, its unit of measure (the family’s) or its split (its setter)',
        params: IdParamsSchema,
        body: EditTargetSchema,
        response: { 200: EditedTargetSchema, ...errorResponses },
      },
    },
    async (req) => editTarget(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/targets/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw a running target and the parts split from it: out of lists and sums, kept with its reports (its setter)',
        params: IdParamsSchema,
        body: WithdrawTargetSchema,
        response: { 200: IdOnlySchema, ...errorResponses },
      },
    },
    async (req) => withdrawTarget(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/target-reports/:id/evidence',
    {
      schema: {
        tags,
        summary: "Download a progress report's evidence file (whoever sees the report)",
        params: IdParamsSchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req, reply) => sendDownload(reply, await getReportEvidence(db, requireActor(req), req.params.id)),
  );

  // Evidence files: the directives' upload route and limits (decision 0020).
  registerUploadRoute(
    app,
    '/api/v1/target-reports/:id/evidence',
    {
      tags,
      summary:
        "Attach evidence to a progress report (multipart/form-data, one file, at most 10 MB; PDF, PNG, JPEG or UTF-8 text; replaces one attached before): the reporting unit's managers",
      response: EvidenceFileSchema,
    },
    (actor, id, file) => addReportEvidence(db, actor, id, file),
  );
};
