/** Education's routes (issue 12): thin; the rules are in service.ts, sessions.ts, plans.ts, enrolments.ts and counts.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CreateEnrolmentSchema,
  CreateProgrammeSchema,
  EducationCountsSchema,
  EnrolmentListSchema,
  EnrolmentSchema,
  LearningPlanSchema,
  MeetingThemesSchema,
  ProgrammeListSchema,
  ProgrammeSchema,
  SetLearningPlanSchema,
  SetMeetingThemesSchema,
  UpdateEnrolmentSchema,
  UpdateProgrammeSchema,
} from '../../../shared/schemas/education.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { lastCompletePeriod, parsePeriod } from '../compliance/periods.ts';
import { getEducationCounts } from './counts.ts';
import { createEnrolment, listEnrolments, updateEnrolment } from './enrolments.ts';
import { getLearningPlan, getMyLearningPlan, setLearningPlan } from './plans.ts';
import * as education from './service.ts';
import { getMeetingThemes, setMeetingThemes } from './sessions.ts';

const tags = ['education'];
const PeriodQuerySchema = z.object({ period: z.string().max(20).optional() }).strict();

export const educationRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/programmes',
    { schema: { tags, summary: 'Education programmes and their themes', response: { 200: ProgrammeListSchema, ...errorResponses } } },
    async (req) => education.listProgrammes(db, requireActor(req)),
  );
  app.post(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        summary: 'Define a programme of themes (administrators)',
        body: CreateProgrammeSchema,
        response: { 201: ProgrammeSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await education.createProgramme(db, requireActor(req), req.body)),
  );
  app.get(
    '/api/v1/programmes/:id',
    {
      schema: {
        tags,
        summary: 'A programme and its themes',
        params: IdParamsSchema,
        response: { 200: ProgrammeSchema, ...errorResponses },
      },
    },
    async (req) => education.getProgramme(db, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/v1/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Change a programme: wording, themes added, changed or retired (administrators)',
        params: IdParamsSchema,
        body: UpdateProgrammeSchema,
        response: { 200: ProgrammeSchema, ...errorResponses },
      },
    },
    async (req) => education.updateProgramme(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/meetings/:id/themes',
    {
      schema: {
        tags,
        summary: "A study meeting's themes and how it is held",
        params: IdParamsSchema,
        response: { 200: MeetingThemesSchema, ...errorResponses },
      },
    },
    async (req) => getMeetingThemes(db, requireActor(req), req.params.id),
  );
  app.put(
    '/api/v1/meetings/:id/themes',
    {
      schema: {
        tags,
        summary: "Set a study meeting's themes, format and timing (the cell's secretary or a committee above)",
        params: IdParamsSchema,
        body: SetMeetingThemesSchema,
        response: { 200: MeetingThemesSchema, ...errorResponses },
      },
    },
    async (req) => setMeetingThemes(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/me/learning-plan',
    {
      schema: {
        tags,
        summary: "The signed-in member's learning plan, completed themes ticked",
        response: { 200: LearningPlanSchema, ...errorResponses },
      },
    },
    async (req) => getMyLearningPlan(db, requireActor(req)),
  );
  app.get(
    '/api/v1/people/:id/learning-plan',
    {
      schema: {
        tags,
        summary: "A person's learning plan and its history",
        params: IdParamsSchema,
        response: { 200: LearningPlanSchema, ...errorResponses },
      },
    },
    async (req) => getLearningPlan(db, requireActor(req), req.params.id),
  );
  app.put(
    '/api/v1/people/:id/learning-plan',
    {
      schema: {
        tags,
        summary: "Set or review a person's learning plan (their cell's secretary or an official above)",
        params: IdParamsSchema,
        body: SetLearningPlanSchema,
        response: { 200: LearningPlanSchema, ...errorResponses },
      },
    },
    async (req) => setLearningPlan(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/people/:id/enrolments',
    {
      schema: {
        tags,
        summary: "A person's enrolments in study while working",
        params: IdParamsSchema,
        response: { 200: EnrolmentListSchema, ...errorResponses },
      },
    },
    async (req) => listEnrolments(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/people/:id/enrolments',
    {
      schema: {
        tags,
        summary: 'Record an enrolment (the member or their secretary)',
        params: IdParamsSchema,
        body: CreateEnrolmentSchema,
        response: { 201: EnrolmentSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createEnrolment(db, requireActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/enrolments/:id',
    {
      schema: {
        tags,
        summary: 'Change an enrolment, e.g. its status (the member or their secretary)',
        params: IdParamsSchema,
        body: UpdateEnrolmentSchema,
        response: { 200: EnrolmentSchema, ...errorResponses },
      },
    },
    async (req) => updateEnrolment(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/units/:id/education',
    {
      schema: {
        tags,
        summary: "A unit's education counts over its subtree for a month (default: the last complete one)",
        params: IdParamsSchema,
        querystring: PeriodQuerySchema,
        response: { 200: EducationCountsSchema, ...errorResponses },
      },
    },
    async (req) =>
      getEducationCounts(db, requireActor(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : lastCompletePeriod()),
  );
};
