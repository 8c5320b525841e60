/** Youth work and mentorships' routes (issue 13): thin; the rules are in service.ts, youth-groups.ts and counts.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  AddYoungPersonSchema,
  CreatedSchema,
  CreateYouthGroupSchema,
  EndMentorshipSchema,
  LogMeetingSchema,
  MentorshipCountsQuerySchema,
  MentorshipCountsSchema,
  MentorshipDetailSchema,
  MentorshipListQuerySchema,
  MentorshipListSchema,
  PairMentorSchema,
  ReviewMentorshipSchema,
  UpdateYoungPersonSchema,
  UpdateYouthGroupSchema,
  YoungPersonParamsSchema,
  YouthGroupListSchema,
  YouthGroupSchema,
} from '../../../shared/schemas/mentorships.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod, periodOf, todayIso } from '../compliance/periods.ts';
import { getMentorshipCounts } from './counts.ts';
import * as mentorships from './service.ts';
import * as youth from './youth-groups.ts';

const tags = ['mentorships'];

export const mentorshipRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/cells/:id/mentorships',
    {
      schema: {
        tags,
        summary:
          "Pair a mentor on the cell's roll with a mentee: one takes one, a young person, or a candidate (those who manage the cell)",
        params: IdParamsSchema,
        body: PairMentorSchema,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await mentorships.pairMentor(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/cells/:id/mentorships',
    {
      schema: {
        tags,
        summary: "The cell's mentorships, without their logs (the cell's officers and the officials above)",
        params: IdParamsSchema,
        querystring: MentorshipListQuerySchema,
        response: { 200: MentorshipListSchema, ...errorResponses },
      },
    },
    async (req) => mentorships.listCellMentorships(db, requireActor(req), req.params.id, req.query.status),
  );

  app.get(
    '/api/v1/me/mentorships',
    { schema: { tags, summary: 'Your mentorships, as mentor or mentee', response: { 200: MentorshipListSchema, ...errorResponses } } },
    async (req) => mentorships.listMyMentorships(db, requireActor(req)),
  );

  app.get(
    '/api/v1/mentorships/:id',
    {
      schema: {
        tags,
        summary: 'A mentorship with its log (the pair, those who manage the cell)',
        params: IdParamsSchema,
        response: { 200: MentorshipDetailSchema, ...errorResponses },
      },
    },
    async (req) => mentorships.getMentorship(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/mentorships/:id/log',
    {
      schema: {
        tags,
        summary: 'Log a meeting of the pair (the mentor, or those who manage the cell)',
        params: IdParamsSchema,
        body: LogMeetingSchema,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await mentorships.logMeeting(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/mentorships/:id/reviews',
    {
      schema: {
        tags,
        summary: "Review the mentorship at one of the cell's review sessions, once per session (those who manage the cell)",
        params: IdParamsSchema,
        body: ReviewMentorshipSchema,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await mentorships.reviewMentorship(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/mentorships/:id/end',
    {
      schema: {
        tags,
        summary: 'End the mentorship with an outcome (those who manage the cell)',
        params: IdParamsSchema,
        body: EndMentorshipSchema,
        response: { 200: MentorshipDetailSchema, ...errorResponses },
      },
    },
    async (req) => mentorships.endMentorship(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/cells/:id/youth-groups',
    {
      schema: {
        tags,
        summary: "The cell's youth groups with their young people and assigned member (the cell's officers and the officials above)",
        params: IdParamsSchema,
        response: { 200: YouthGroupListSchema, ...errorResponses },
      },
    },
    async (req) => youth.listYouthGroups(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/me/youth-groups',
    {
      schema: {
        tags,
        summary: 'The youth groups you are assigned to, with their young people',
        response: { 200: YouthGroupListSchema, ...errorResponses },
      },
    },
    async (req) => youth.listMyYouthGroups(db, requireActor(req)),
  );

  app.post(
    '/api/v1/cells/:id/youth-groups',
    {
      schema: {
        tags,
        summary: 'Create a youth group of the cell, optionally with its assigned member (those who manage the cell)',
        params: IdParamsSchema,
        body: CreateYouthGroupSchema,
        response: { 201: YouthGroupSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await youth.createYouthGroup(db, requireActor(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/youth-groups/:id',
    {
      schema: {
        tags,
        summary: 'Rename a youth group, assign or unassign its member, close or reopen it (those who manage the cell)',
        params: IdParamsSchema,
        body: UpdateYouthGroupSchema,
        response: { 200: YouthGroupSchema, ...errorResponses },
      },
    },
    async (req) => youth.updateYouthGroup(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/youth-groups/:id/young-people',
    {
      schema: {
        tags,
        summary: 'Add a young person to the group: a new person record (no account, not on any roll) or one of the cell’s young people',
        params: IdParamsSchema,
        body: AddYoungPersonSchema,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await youth.addYoungPerson(db, requireActor(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/v1/youth-groups/:id/young-people/:personId',
    {
      schema: {
        tags,
        summary: "Correct a young person's name or birth year (those who manage the cell; not once they are on a roll)",
        params: YoungPersonParamsSchema,
        body: UpdateYoungPersonSchema,
        response: { 200: YouthGroupSchema, ...errorResponses },
      },
    },
    async (req) => youth.updateYoungPerson(db, requireActor(req), req.params.id, req.params.personId, req.body),
  );

  app.delete(
    '/api/v1/youth-groups/:id/young-people/:personId',
    {
      schema: {
        tags,
        summary: 'Take a young person out of the group',
        params: YoungPersonParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await youth.removeYoungPerson(db, requireActor(req), req.params.id, req.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/units/:id/mentorship-counts',
    {
      schema: {
        tags,
        summary: "Mentorships and youth groups counted for a month: the unit's figures (summed over its cells) and each child's",
        params: IdParamsSchema,
        querystring: MentorshipCountsQuerySchema,
        response: { 200: MentorshipCountsSchema, ...errorResponses },
      },
    },
    async (req) =>
      getMentorshipCounts(db, requireActor(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : periodOf(todayIso())),
  );
};
