/** Officials' planned visits (issue 14): thin routes; the rules are in service.ts, problems.ts, read.ts and coverage.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CorrectReportSchema,
  CoverageQuerySchema,
  CoverageSchema,
  CreatedSchema,
  FileReportSchema,
  PlanVisitSchema,
  ProblemListQuerySchema,
  REPORT_CORRECTION_DAYS,
  ProblemPageSchema,
  ProblemSchema,
  RescheduleVisitSchema,
  UnvisitedPageSchema,
  UnvisitedQuerySchema,
  UpdateProblemSchema,
  VisitListQuerySchema,
  VisitPageSchema,
  VisitSchema,
} from '../../../shared/schemas/visits.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod, periodOf, todayIso } from '../compliance/periods.ts';
import { getCoverage, listUnvisited } from './coverage.ts';
import { listProblems, updateProblem } from './problems.ts';
import { correctReport } from './correction.ts';
import { getVisit, listMyVisits, listUnitVisits } from './read.ts';
import * as visits from './service.ts';

const tags = ['visits'];
const EmptyBodySchema = z.object({}).strict().optional();
const ReportedSchema = z.object({ id: z.number(), problemIds: z.array(z.number()) });

export const visitRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/visits',
    {
      schema: {
        tags,
        summary: 'Plan a visit to a cell in your subtree (an official of a committee above it)',
        body: PlanVisitSchema,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await visits.planVisit(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/visits/:id',
    {
      schema: {
        tags,
        summary: "A visit with its report and problems (its official, officials above, the cell's secretary and deputy)",
        params: IdParamsSchema,
        response: { 200: VisitSchema, ...errorResponses },
      },
    },
    async (req) => getVisit(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/visits/:id',
    {
      schema: {
        tags,
        summary: 'Reschedule a planned visit or change its purpose (its official, or an official above them)',
        params: IdParamsSchema,
        body: RescheduleVisitSchema,
        response: { 200: CreatedSchema, ...errorResponses },
      },
    },
    async (req) => visits.rescheduleVisit(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/visits/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned visit (its official, or an official above them)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: CreatedSchema, ...errorResponses },
      },
    },
    async (req) => visits.cancelVisit(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/visits/:id/report',
    {
      schema: {
        tags,
        summary: 'Report a visit held: the day, the members met (a count), what was found and the problems raised (once)',
        params: IdParamsSchema,
        body: FileReportSchema,
        response: { 200: ReportedSchema, ...errorResponses },
      },
    },
    async (req) => visits.fileReport(db, requireActor(req), req.params.id, req.body),
  );

  app.patch(
    '/api/v1/visits/:id/report',
    {
      schema: {
        tags,
        summary: `Correct a filed report within ${REPORT_CORRECTION_DAYS} days: its day, members met, findings, and problems forgotten at filing`,
        params: IdParamsSchema,
        body: CorrectReportSchema,
        response: { 200: ReportedSchema, ...errorResponses },
      },
    },
    async (req) => correctReport(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/me/visits',
    {
      schema: {
        tags,
        summary: 'The visits you planned, newest first',
        querystring: VisitListQuerySchema,
        response: { 200: VisitPageSchema, ...errorResponses },
      },
    },
    async (req) => listMyVisits(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/units/:id/visits',
    {
      schema: {
        tags,
        summary: "The visits to the cells under a unit, or to a cell, newest first (the cell's secretary, officials above)",
        params: IdParamsSchema,
        querystring: VisitListQuerySchema,
        response: { 200: VisitPageSchema, ...errorResponses },
      },
    },
    async (req) => listUnitVisits(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/visit-problems',
    {
      schema: {
        tags,
        summary: "Problems raised at visits under a unit, soonest due first: open, overdue or all (the cell's secretary, officials above)",
        params: IdParamsSchema,
        querystring: ProblemListQuerySchema,
        response: { 200: ProblemPageSchema, ...errorResponses },
      },
    },
    async (req) => listProblems(db, requireActor(req), req.params.id, req.query),
  );

  app.patch(
    '/api/v1/visit-problems/:id',
    {
      schema: {
        tags,
        summary:
          "Move a problem on: status and resolution (its owner, the cell's secretary, officials above); owner and due day (officials)",
        params: IdParamsSchema,
        body: UpdateProblemSchema,
        response: { 200: ProblemSchema, ...errorResponses },
      },
    },
    async (req) => updateProblem(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/units/:id/visits/coverage',
    {
      schema: {
        tags,
        summary:
          'Cells visited under a unit in a month (or the 3, 6, 12 months ending with it), per child, and the cells not visited for longest',
        params: IdParamsSchema,
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema, ...errorResponses },
      },
    },
    async (req) =>
      getCoverage(
        db,
        requireActor(req),
        req.params.id,
        req.query.period ? parsePeriod(req.query.period) : periodOf(todayIso()),
        Number(req.query.months) as 1 | 3 | 6 | 12,
      ),
  );

  app.get(
    '/api/v1/units/:id/visits/unvisited',
    {
      schema: {
        tags,
        summary: 'The open cells under a unit not visited for longest, never visited first, paged',
        params: IdParamsSchema,
        querystring: UnvisitedQuerySchema,
        response: { 200: UnvisitedPageSchema, ...errorResponses },
      },
    },
    async (req) => listUnvisited(db, requireActor(req), req.params.id, req.query),
  );
};
