/** Requests for help (issue 13, task 4): thin routes; the rules are in service.ts and summary.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  AnswerHelpRequestSchema,
  AskForHelpSchema,
  CellHelpRequestsResponseSchema,
  EditHelpRequestSchema,
  HelpRequestListSchema,
  HelpRequestSchema,
  HelpSummaryQuerySchema,
  HelpSummarySchema,
} from '../../../shared/schemas/help-requests.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod, periodOf, todayIso } from '../compliance/periods.ts';
import * as help from './service.ts';
import { getHelpSummary } from './summary.ts';

const tags = ['help-requests'];
const EmptyBodySchema = z.object({}).strict().optional();

export const helpRequestRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/me/help-requests',
    {
      schema: {
        tags,
        summary: 'Ask your cell for help: a subject, the text, and who may see it (the secretary only, or the whole cell)',
        body: AskForHelpSchema,
        response: { 201: HelpRequestSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await help.askForHelp(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/me/help-requests',
    { schema: { tags, summary: 'Your requests for help with their answers', response: { 200: HelpRequestListSchema, ...errorResponses } } },
    async (req) => help.listMyRequests(db, requireActor(req)),
  );

  app.get(
    '/api/v1/cells/:id/help-requests',
    {
      schema: {
        tags,
        summary:
          "The cell's requests for help: all for its secretary; shared ones and your own for a member; officials above get 403 (counts only)",
        params: IdParamsSchema,
        response: { 200: CellHelpRequestsResponseSchema, ...errorResponses },
      },
    },
    async (req) => help.listCellRequests(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/help-requests/:id',
    {
      schema: {
        tags,
        summary: 'Edit your request for help (its subject, text or visibility)',
        params: IdParamsSchema,
        body: EditHelpRequestSchema,
        response: { 200: HelpRequestSchema, ...errorResponses },
      },
    },
    async (req) => help.editRequest(db, requireActor(req), req.params.id, req.body),
  );

  for (const move of ['withdraw', 'confirm', 'reopen'] as const) {
    const summaries = {
      withdraw: 'Withdraw your request for help',
      confirm: 'Confirm the answer resolved your request',
      reopen: 'Reopen your request after an answer',
    };
    app.post(
      `/api/v1/help-requests/:id/${move}`,
      {
        schema: {
          tags,
          summary: summaries[move],
          params: IdParamsSchema,
          body: EmptyBodySchema,
          response: { 200: HelpRequestSchema, ...errorResponses },
        },
      },
      async (req) => help.moveOwnRequest(db, requireActor(req), req.params.id, move),
    );
  }

  app.post(
    '/api/v1/help-requests/:id/answer',
    {
      schema: {
        tags,
        summary: "Answer a request for help (the cell's secretary; on a shared request a member of the cell may reply)",
        params: IdParamsSchema,
        body: AnswerHelpRequestSchema,
        response: { 200: HelpRequestSchema, ...errorResponses },
      },
    },
    async (req) => help.answerRequest(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/units/:id/help-requests/summary',
    {
      schema: {
        tags,
        summary: 'Counts only: requests open, answered in the month and the median days to an answer, for the unit and each child',
        params: IdParamsSchema,
        querystring: HelpSummaryQuerySchema,
        response: { 200: HelpSummarySchema, ...errorResponses },
      },
    },
    async (req) =>
      getHelpSummary(db, requireActor(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : periodOf(todayIso())),
  );
};
