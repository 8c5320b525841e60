/** Review sessions' routes (issue 12): thin; the rules are in service.ts, the SQL in queries.ts. */
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  FeedbackListSchema,
  FeedbackQuerySchema,
  GiveFeedbackSchema,
  GivenFeedbackSchema,
  ReviewSessionSchema,
  SaveSelfAssessmentSchema,
  SelfAssessmentListSchema,
  SelfAssessmentSchema,
} from '../../../shared/schemas/reviews.ts';
import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as reviews from './service.ts';

const tags = ['reviews'];

export const reviewRoutes: RouteModule = (app, { db, feedbackKey }) => {
  app.get(
    '/api/v1/meetings/:id/review',
    {
      schema: {
        tags,
        summary: "A review session: open or closed, its roll, and the reader's own feedback and attendance",
        params: IdParamsSchema,
        response: { 200: ReviewSessionSchema, ...errorResponses },
      },
    },
    async (req) => reviews.getReviewSession(db, feedbackKey, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/meetings/:id/review/close',
    {
      schema: {
        tags,
        summary: 'Close a review session (its cell’s managers): no more self-assessments or feedback',
        params: IdParamsSchema,
        body: z.object({}).strict().optional(),
        response: { 200: ReviewSessionSchema, ...errorResponses },
      },
    },
    async (req) => reviews.closeReviewSession(db, feedbackKey, requireActor(req), req.params.id),
  );

  app.put(
    '/api/v1/meetings/:id/self-assessment',
    {
      schema: {
        tags,
        summary: 'Write (or rewrite) your self-assessment for a review session you are on the roll of',
        params: IdParamsSchema,
        body: SaveSelfAssessmentSchema,
        response: { 200: SelfAssessmentSchema, ...errorResponses },
      },
    },
    async (req) => reviews.saveSelfAssessment(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/meetings/:id/self-assessment',
    {
      schema: {
        tags,
        summary: 'Your own self-assessment for a review session',
        params: IdParamsSchema,
        response: { 200: SelfAssessmentSchema, ...errorResponses },
      },
    },
    async (req) => reviews.getMySelfAssessment(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/meetings/:id/self-assessments',
    {
      schema: {
        tags,
        summary: "Every member's self-assessment for a review session (the cell's secretary, officials above)",
        params: IdParamsSchema,
        response: { 200: SelfAssessmentListSchema, ...errorResponses },
      },
    },
    async (req) => reviews.listSelfAssessments(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/meetings/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Give feedback on work and participation to another member of the roll, named or anonymous',
        params: IdParamsSchema,
        body: GiveFeedbackSchema,
        response: { 201: GivenFeedbackSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await reviews.giveFeedback(db, feedbackKey, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/people/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Feedback about a person (themself, their cell’s secretary); anonymous items only from three authors on',
        params: IdParamsSchema,
        querystring: FeedbackQuerySchema,
        response: { 200: FeedbackListSchema, ...errorResponses },
      },
    },
    async (req) => reviews.listFeedbackAbout(db, requireActor(req), req.params.id, req.query.meeting),
  );
};
