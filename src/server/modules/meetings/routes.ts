import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CellDashboardSchema,
  CellDecisionListSchema,
  CreateDecisionSchema,
  CreateMeetingSchema,
  FollowUpSchema,
  MeetingKindListSchema,
  MeetingKindParamsSchema,
  MeetingKindSchema,
  MeetingListQuerySchema,
  MeetingSchema,
  MeetingSummarySchema,
  MoveMeetingKindSchema,
  MyActionsSchema,
  NotHeldSchema,
  ResolveFollowUpSchema,
  SaveAttendanceSchema,
  SaveMeetingKindSchema,
  UpdateActionSchema,
  UpdateMeetingSchema,
} from '../../../shared/schemas/meetings.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { markNotHeld, saveAttendance } from './attendance.ts';
import { addDecision, listCellDecisions, listFollowUps, resolveFollowUp, setActionStatus } from './decisions.ts';
import * as meetings from './service.ts';
import { listMeetingKinds, moveMeetingKind, restoreMeetingKind, retireMeetingKind, saveMeetingKind } from './kinds.ts';
import { getCellDashboard, getMyActions } from './dashboard.ts';
import { parsePeriod, periodOf, todayIso } from '../compliance/periods.ts';

const tags = ['meetings'];
const EmptyBodySchema = z.object({}).strict();

export const meetingRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/v1/meeting-kinds',
    {
      schema: {
        tags,
        summary: 'The kinds of meeting in their order, with their quorum rule; retired kinds are marked',
        response: { 200: MeetingKindListSchema, ...errorResponses },
      },
    },
    async () => listMeetingKinds(db),
  );

  app.post(
    '/api/v1/meeting-kinds',
    {
      schema: {
        tags,
        summary: 'Add or rename a kind of meeting, with its quorum rule (administrators)',
        body: SaveMeetingKindSchema,
        response: {
          200: z.object({ code: z.string(), nameEn: z.string(), nameKo: z.string(), quorum: z.number().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req) => saveMeetingKind(db, requireActor(req), req.body),
  );

  app.post(
    '/api/v1/meeting-kinds/:code/move',
    {
      schema: {
        tags,
        summary: 'Move a kind of meeting one place up or down the list; answers the new order (administrators)',
        params: MeetingKindParamsSchema,
        body: MoveMeetingKindSchema,
        response: { 200: MeetingKindListSchema, ...errorResponses },
      },
    },
    async (req) => moveMeetingKind(db, requireActor(req), req.params.code, req.body.direction),
  );

  app.post(
    '/api/v1/meeting-kinds/:code/retire',
    {
      schema: {
        tags,
        summary:
          'Retire a kind of meeting: existing meetings keep it, new ones cannot use it; refused while standards in force refer to it (administrators)',
        params: MeetingKindParamsSchema,
        body: EmptyBodySchema,
        response: { 200: MeetingKindSchema, ...errorResponses },
      },
    },
    async (req) => retireMeetingKind(db, requireActor(req), req.params.code),
  );

  app.post(
    '/api/v1/meeting-kinds/:code/restore',
    {
      schema: {
        tags,
        summary: 'Restore a retired kind of meeting, so new meetings may use it again (administrators)',
        params: MeetingKindParamsSchema,
        body: EmptyBodySchema,
        response: { 200: MeetingKindSchema, ...errorResponses },
      },
    },
    async (req) => restoreMeetingKind(db, requireActor(req), req.params.code),
  );

  app.post(
    '/api/v1/cells/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Schedule a meeting of a cell',
        params: IdParamsSchema,
        body: CreateMeetingSchema,
        response: { 201: MeetingSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await meetings.createMeeting(db, requireActor(req), req.params.id, req.body, config.timeZone)),
  );

  app.get(
    '/api/v1/cells/:id/meetings',
    {
      schema: {
        tags,
        summary: "A cell's meetings, newest first",
        params: IdParamsSchema,
        querystring: MeetingListQuerySchema,
        response: { 200: z.object({ items: z.array(MeetingSummarySchema) }), ...errorResponses },
      },
    },
    async (req) => meetings.listCellMeetings(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/cells/:id/decisions',
    {
      schema: {
        tags,
        summary: "A cell's latest decisions (50), newest meeting first: what its work can be linked to",
        params: IdParamsSchema,
        response: { 200: CellDecisionListSchema, ...errorResponses },
      },
    },
    async (req) => listCellDecisions(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting with the roll of that day, attendance, quorum, decisions and open actions',
        params: IdParamsSchema,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (req) => meetings.getMeeting(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Edit the title, time (while scheduled) or minutes',
        params: IdParamsSchema,
        body: UpdateMeetingSchema,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (req) => meetings.updateMeeting(db, requireActor(req), req.params.id, req.body, config.timeZone),
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record the whole roll in one request and mark the meeting held (send version to guard against lost updates)',
        params: IdParamsSchema,
        body: SaveAttendanceSchema,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (req) => saveAttendance(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/meetings/:id/not-held',
    {
      schema: {
        tags,
        summary: 'Record that the cell did not meet',
        params: IdParamsSchema,
        body: NotHeldSchema,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (req) => markNotHeld(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/meetings/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Record a decision and its follow-up actions',
        params: IdParamsSchema,
        body: CreateDecisionSchema,
        response: { 201: MeetingSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addDecision(db, requireActor(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/actions/:id',
    {
      schema: {
        tags,
        summary: 'Close, drop or reopen a follow-up action',
        params: IdParamsSchema,
        body: UpdateActionSchema,
        response: { 200: z.object({ id: z.number(), status: z.string(), closedOn: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => setActionStatus(db, requireActor(req), req.params.id, req.body.status),
  );

  app.get(
    '/api/v1/cells/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Members to follow up (e.g. repeated absences)',
        params: IdParamsSchema,
        querystring: z.object({ includeResolved: z.enum(['true', 'false']).default('false') }).strict(),
        response: { 200: z.object({ items: z.array(FollowUpSchema) }), ...errorResponses },
      },
    },
    async (req) => listFollowUps(db, requireActor(req), req.params.id, req.query.includeResolved === 'true'),
  );

  app.post(
    '/api/v1/follow-ups/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Close a follow-up with a note of what was done',
        params: IdParamsSchema,
        body: ResolveFollowUpSchema,
        response: { 200: z.object({ id: z.number(), resolvedOn: z.string(), note: z.string() }), ...errorResponses },
      },
    },
    async (req) => resolveFollowUp(db, requireActor(req), req.params.id, req.body.note),
  );

  app.get(
    '/api/v1/cells/:id/dashboard',
    {
      schema: {
        tags,
        summary: "The secretary's view: this month's standards and what is missing, follow-ups, meetings, open actions",
        params: IdParamsSchema,
        querystring: z.object({ period: z.string().max(7).optional() }).strict(),
        response: { 200: CellDashboardSchema, ...errorResponses },
      },
    },
    async (req) =>
      getCellDashboard(db, requireActor(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : periodOf(todayIso())),
  );

  app.get(
    '/api/v1/me/actions',
    {
      schema: { tags, summary: 'Open follow-up actions you own', response: { 200: MyActionsSchema, ...errorResponses } },
    },
    async (req) => getMyActions(db, requireActor(req)),
  );
};
