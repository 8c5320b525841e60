import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  AcknowledgmentSchema,
  AttachmentParamsSchema,
  DirectiveAttachmentSchema,
  BriefingResultSchema,
  CreateDirectiveSchema,
  DirectiveListQuerySchema,
  DirectiveListSchema,
  DirectiveSchema,
  InboxSchema,
  NotReachedCsvQuerySchema,
  NotReachedQuerySchema,
  NotReachedSchema,
  ReachChildrenSchema,
  ReachQuerySchema,
  ReachSchema,
  RecordBriefingSchema,
  UpdateDirectiveSchema,
} from '../../../shared/schemas/directives.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { todayIso } from '../compliance/periods.ts';
import { registerUploadRoute, sendDownload } from '../../http/uploads.ts';
import { addAttachment, deleteAttachment, getAttachment } from './attachments.ts';
import { acknowledgeDirective, listMyDirectives, recordBriefing } from './deliveries.ts';
import { getReach, getReachChildren, listNotReached, notReachedCsv } from './reach.ts';
import { createDirective, getDirective, listDirectives, publishDirective, updateDirective, withdrawDirective } from './service.ts';

const tags = ['directives'];
const EmptyBodySchema = z.object({}).strict().optional();

export const directiveRoutes: RouteModule = (app, { db, config, jobs }) => {
  app.post(
    '/api/v1/directives',
    {
      schema: {
        tags,
        summary: 'Draft a directive to one or more subtrees (officials: their own subtree; administrators: anywhere)',
        body: CreateDirectiveSchema,
        response: { 201: DirectiveSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createDirective(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/directives',
    {
      schema: {
        tags,
        summary: 'Directives the actor issues or whose reach they follow, newest first',
        querystring: DirectiveListQuerySchema,
        response: { 200: DirectiveListSchema, ...errorResponses },
      },
    },
    async (req) => listDirectives(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/directives/:id',
    {
      schema: {
        tags,
        summary: 'A directive, its body sanitised, its rounds',
        params: IdParamsSchema,
        response: { 200: DirectiveSchema, ...errorResponses },
      },
    },
    async (req) => getDirective(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/directives/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft',
        params: IdParamsSchema,
        body: UpdateDirectiveSchema,
        response: { 200: DirectiveSchema, ...errorResponses },
      },
    },
    async (req) => updateDirective(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/directives/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: round 1 opens and the deliveries are written in the background (202)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 202: DirectiveSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(202).send(await publishDirective(db, jobs?.boss, requireActor(req), req.params.id, config.timeZone)),
  );

  app.post(
    '/api/v1/directives/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a published directive; deliveries, acknowledgments and reach are kept',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: DirectiveSchema, ...errorResponses },
      },
    },
    async (req) => withdrawDirective(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/me/directives',
    { schema: { tags, summary: "The signed-in member's directives, unread first", response: { 200: InboxSchema, ...errorResponses } } },
    async (req) => listMyDirectives(db, requireActor(req)),
  );

  app.post(
    '/api/v1/directives/:id/acknowledgment',
    {
      schema: {
        tags,
        summary: '"I have read and understood": idempotent; 404 if never sent to the member, 409 once withdrawn',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: AcknowledgmentSchema, ...errorResponses },
      },
    },
    async (req) => acknowledgeDirective(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/directives/:id/briefings',
    {
      schema: {
        tags,
        summary: "Record an in-person briefing of members of the secretary's own cell (or a meeting's present members)",
        params: IdParamsSchema,
        body: RecordBriefingSchema,
        response: { 200: BriefingResultSchema, ...errorResponses },
      },
    },
    async (req) => recordBriefing(db, requireActor(req), req.params.id, req.body, todayIso()),
  );

  app.get(
    '/api/v1/directives/:id/reach',
    {
      schema: {
        tags,
        summary: 'Reach of a round at a unit: members, acknowledged, briefed, not reached, overall and within the deadline',
        params: IdParamsSchema,
        querystring: ReachQuerySchema,
        response: { 200: ReachSchema, ...errorResponses },
      },
    },
    async (req) => getReach(db, requireActor(req), req.params.id, req.query.unit, req.query.round),
  );

  app.get(
    '/api/v1/directives/:id/reach/children',
    {
      schema: {
        tags,
        summary: "Reach at each of a unit's children (drill-down)",
        params: IdParamsSchema,
        querystring: ReachQuerySchema,
        response: { 200: ReachChildrenSchema, ...errorResponses },
      },
    },
    async (req) => getReachChildren(db, requireActor(req), req.params.id, req.query.unit, req.query.round),
  );

  app.get(
    '/api/v1/directives/:id/not-reached',
    {
      schema: {
        tags,
        summary: "Members of a unit's subtree not reached in a round (neither acknowledged nor briefed), by name",
        params: IdParamsSchema,
        querystring: NotReachedQuerySchema,
        response: { 200: NotReachedSchema, ...errorResponses },
      },
    },
    async (req) => listNotReached(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/directives/:id/not-reached.csv',
    {
      schema: {
        tags,
        summary: 'The same list as a CSV download',
        params: IdParamsSchema,
        querystring: NotReachedCsvQuerySchema,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const csv = await notReachedCsv(db, requireActor(req), req.params.id, req.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="directive-${req.params.id}-not-reached.csv"`)
        .send(csv as never);
    },
  );

  // Uploads: multipart only in their own scope, one file a request, refused past the limit before anything is stored.
  registerUploadRoute(
    app,
    '/api/v1/directives/:id/attachments',
    {
      tags,
      summary: 'Attach a file to a draft (multipart/form-data, one file, at most 10 MB; PDF, PNG, JPEG or UTF-8 text by its bytes)',
      response: DirectiveAttachmentSchema,
    },
    (actor, id, file) => addAttachment(db, actor, id, file),
  );

  app.get(
    '/api/v1/directives/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (anyone who may read the directive, its recipients included)',
        params: AttachmentParamsSchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req, reply) => {
      return sendDownload(reply, await getAttachment(db, requireActor(req), req.params.id, req.params.attachmentId));
    },
  );

  app.delete(
    '/api/v1/directives/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attachment from a draft',
        params: AttachmentParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteAttachment(db, requireActor(req), req.params.id, req.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
};
