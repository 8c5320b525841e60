/** Assignments' routes (issue 12): thin; the rules are in service.ts, board.ts and participation.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  AssignmentDetailSchema,
  AssignmentSchema,
  BoardQuerySchema,
  BoardSchema,
  EvaluateSchema,
  GiveAssignmentSchema,
  GivenAssignmentsSchema,
  MyAssignmentsQuerySchema,
  MyAssignmentsSchema,
  ParticipationQuerySchema,
  ParticipationSchema,
  ReportProgressSchema,
  ScaleSchema,
  SetScaleSchema,
} from '../../../shared/schemas/assignments.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod, periodOf, todayIso } from '../compliance/periods.ts';
import { boardCsv, getAssignment, getBoard, getScale, setScale } from './board.ts';
import { getParticipation } from './participation.ts';
import * as assignments from './service.ts';

const tags = ['assignments'];
const EmptyBodySchema = z.object({}).strict().optional();
const CsvQuerySchema = BoardQuerySchema.pick({ status: true }).strict();

export const assignmentRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/cells/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Give an assignment to members on the roll, one assignment per person (the secretary, or an official over the cell)',
        params: IdParamsSchema,
        body: GiveAssignmentSchema,
        response: { 201: GivenAssignmentsSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await assignments.giveAssignments(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/cells/:id/assignments',
    {
      schema: {
        tags,
        summary: "The cell's assignment board: every assignment with assignee, progress, due day and evaluation",
        params: IdParamsSchema,
        querystring: BoardQuerySchema,
        response: { 200: BoardSchema, ...errorResponses },
      },
    },
    async (req) => getBoard(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/cells/:id/assignments.csv',
    {
      schema: {
        tags,
        summary: 'The assignment board as CSV',
        params: IdParamsSchema,
        querystring: CsvQuerySchema,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const csv = await boardCsv(db, requireActor(req), req.params.id, req.query.status);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cell-${req.params.id}-assignments.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/me/assignments',
    {
      schema: {
        tags,
        summary: 'Your assignments, open ones first, with their evaluations',
        querystring: MyAssignmentsQuerySchema,
        response: { 200: MyAssignmentsSchema, ...errorResponses },
      },
    },
    async (req) => assignments.listMyAssignments(db, requireActor(req), req.query.open === 'true'),
  );

  app.get(
    '/api/v1/assignments/:id',
    {
      schema: {
        tags,
        summary: 'An assignment with its progress reports (its assignee, and those who read the cell’s personal data)',
        params: IdParamsSchema,
        response: { 200: AssignmentDetailSchema, ...errorResponses },
      },
    },
    async (req) => getAssignment(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/assignments/:id/report',
    {
      schema: {
        tags,
        summary: 'Report progress on your assignment, or mark it done (the assignee only)',
        params: IdParamsSchema,
        body: ReportProgressSchema,
        response: { 200: AssignmentSchema, ...errorResponses },
      },
    },
    async (req) => assignments.reportProgress(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/assignments/:id/evaluation',
    {
      schema: {
        tags,
        summary: 'Evaluate done work on the scale; a second evaluation replaces the first (the cell’s secretary)',
        params: IdParamsSchema,
        body: EvaluateSchema,
        response: { 200: AssignmentSchema, ...errorResponses },
      },
    },
    async (req) => assignments.evaluateAssignment(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/assignments/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an assignment not yet evaluated (the cell’s secretary)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: AssignmentSchema, ...errorResponses },
      },
    },
    async (req) => assignments.cancelAssignment(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/assignment-scale',
    { schema: { tags, summary: 'The evaluation scale', response: { 200: ScaleSchema, ...errorResponses } } },
    async (req) => {
      requireActor(req);
      return getScale(db);
    },
  );

  app.put(
    '/api/v1/assignment-scale',
    {
      schema: {
        tags,
        summary: 'Set the evaluation scale (the centre)',
        body: SetScaleSchema,
        response: { 200: ScaleSchema, ...errorResponses },
      },
    },
    async (req) => setScale(db, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/units/:id/participation',
    {
      schema: {
        tags,
        summary: "Officials' participation beside everyone's in the unit's subtree for a month",
        params: IdParamsSchema,
        querystring: ParticipationQuerySchema,
        response: { 200: ParticipationSchema, ...errorResponses },
      },
    },
    async (req) =>
      getParticipation(db, requireActor(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : periodOf(todayIso())),
  );
};
