/** Ideas and inventions (issue 15, task 6): thin routes; the rules are in service.ts, the reads in read.ts and summary.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  ConfirmIdeaSchema,
  EditIdeaSchema,
  EvaluateIdeaSchema,
  IdeaCreatedSchema,
  IdeaListQuerySchema,
  IdeaPageSchema,
  IdeaRulesSchema,
  IdeaSchema,
  IdeasSummaryQuerySchema,
  IdeasSummaryResultSchema,
  IntroduceIdeaSchema,
  StartTrialSchema,
  SubmitIdeaSchema,
  WithdrawIdeaSchema,
} from '../../../shared/schemas/ideas.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { editIdea, withdrawIdea } from './authoring.ts';
import { getIdea, listAwaiting, listCellIdeas } from './read.ts';
import { selectIdeaRules, setIdeaRules } from './rules.ts';
import * as ideas from './service.ts';
import { getIdeasSummary } from './summary.ts';

const tags = ['ideas'];
const StepSchema = z.object({ id: z.number(), status: z.string() });

export const ideaRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/cells/:id/ideas',
    {
      schema: {
        tags,
        summary: "Submit an idea of one or several authors on the cell's roll (a member of the cell, or its secretary)",
        params: IdParamsSchema,
        body: SubmitIdeaSchema,
        response: { 201: IdeaCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await ideas.submitIdea(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/cells/:id/ideas',
    {
      schema: {
        tags,
        summary: "A cell's ideas, newest first, paged",
        params: IdParamsSchema,
        querystring: IdeaListQuerySchema,
        response: { 200: IdeaPageSchema, ...errorResponses },
      },
    },
    async (req) => listCellIdeas(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/ideas/:id',
    {
      schema: {
        tags,
        summary: 'An idea with its timeline and what the reader may do with it',
        params: IdParamsSchema,
        response: { 200: IdeaSchema, ...errorResponses },
      },
    },
    async (req) => getIdea(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/ideas/:id',
    {
      schema: {
        tags,
        summary: 'Change the title, description or expected benefit of an idea awaiting evaluation (its authors; 409 once evaluated)',
        params: IdParamsSchema,
        body: EditIdeaSchema,
        response: { 200: IdeaSchema, ...errorResponses },
      },
    },
    async (req) => editIdea(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/ideas/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw an idea awaiting evaluation (its authors; 409 once evaluated): it stays in the history and leaves the counts',
        params: IdParamsSchema,
        body: WithdrawIdeaSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => withdrawIdea(db, requireActor(req), req.params.id, req.body?.note),
  );

  app.post(
    '/api/v1/ideas/:id/evaluation',
    {
      schema: {
        tags,
        summary: 'Accept or reject a submitted idea, with reasons (the unit the rules name: the cell, or a committee above it)',
        params: IdParamsSchema,
        body: EvaluateIdeaSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => ideas.evaluateIdea(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/ideas/:id/trial',
    {
      schema: {
        tags,
        summary: 'Put an accepted idea into trial (whoever manages the cell)',
        params: IdParamsSchema,
        body: StartTrialSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => ideas.startTrial(db, requireActor(req), req.params.id, req.body?.note),
  );

  app.post(
    '/api/v1/ideas/:id/introduction',
    {
      schema: {
        tags,
        summary: 'Record an accepted idea introduced into production, with the day and the measured benefit (409 before acceptance)',
        params: IdParamsSchema,
        body: IntroduceIdeaSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => ideas.introduceIdea(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/ideas/:id/confirmation',
    {
      schema: {
        tags,
        summary: "Confirm an introduced idea's benefit, once the rules' months have passed since its introduction",
        params: IdParamsSchema,
        body: ConfirmIdeaSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => ideas.confirmIdea(db, requireActor(req), req.params.id, req.body?.note),
  );

  app.get(
    '/api/v1/units/:id/ideas/awaiting',
    {
      schema: {
        tags,
        summary: "The ideas awaiting a unit's evaluation (the unit the rules name), oldest first",
        params: IdParamsSchema,
        querystring: IdeaListQuerySchema,
        response: { 200: IdeaPageSchema, ...errorResponses },
      },
    },
    async (req) => listAwaiting(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/ideas/summary',
    {
      schema: {
        tags,
        summary:
          'Ideas under a unit in a year: submitted, accepted, introduced, benefits by unit of measure, median days to introduction, per month',
        params: IdParamsSchema,
        querystring: IdeasSummaryQuerySchema,
        response: { 200: IdeasSummaryResultSchema, ...errorResponses },
      },
    },
    async (req) => getIdeasSummary(db, requireActor(req), req.params.id, req.query.year),
  );

  app.get(
    '/api/v1/idea-rules',
    { schema: { tags, summary: 'The ideas rules in force', response: { 200: IdeaRulesSchema, ...errorResponses } } },
    async (req) => {
      requireActor(req);
      return selectIdeaRules(db);
    },
  );

  app.put(
    '/api/v1/idea-rules',
    {
      schema: {
        tags,
        summary: 'Set which level evaluates ideas and after how many months a benefit is confirmed (the centre)',
        body: IdeaRulesSchema,
        response: { 200: IdeaRulesSchema, ...errorResponses },
      },
    },
    async (req) => setIdeaRules(db, requireActor(req), req.body),
  );
};
