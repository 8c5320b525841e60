/** Emulation campaigns and yearly distinctions (issue 15; decision 0033): thin routes over campaigns.ts, standings.ts, distinctions.ts. */
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignSchema,
  CampaignUnitParamsSchema,
  ConferredSchema,
  ConferSchema,
  CreateCampaignSchema,
  DistinctionPageSchema,
  DistinctionQuerySchema,
  DistinctionRuleListSchema,
  DistinctionRuleSchema,
  RevokeSchema,
  RuleParamsSchema,
  StandingsSchema,
  UnitRuleParamsSchema,
  UnitScoreSchema,
  UpdateCampaignSchema,
  UpdateDistinctionRuleSchema,
} from '../../../shared/schemas/emulation.ts';
import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { cancelCampaign, updateCampaign } from './campaign-changes.ts';
import { createCampaign, getCampaign, listUnitCampaigns } from './campaigns.ts';
import { conferDistinction, listDistinctions, listRules, revokeDistinction, updateRule } from './distinctions.ts';
import { getStandings, getUnitScore, standingsCsv } from './standings.ts';

const tags = ['emulation'];
const EmptyBodySchema = z.object({}).strict().optional();

export const emulationRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/campaigns',
    {
      schema: {
        tags,
        summary: 'Start an emulation campaign among units under your committee (not nested), scored on rulebook standards with weights',
        body: CreateCampaignSchema,
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createCampaign(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags,
        summary: "A campaign: its committee, months, standards and weights, participants (its committee's readers and the participants)",
        params: IdParamsSchema,
        response: { 200: CampaignSchema, ...errorResponses },
      },
    },
    async (req) => getCampaign(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/campaigns/:id',
    {
      schema: {
        tags,
        summary: "Change a campaign before or while it runs: title, months, units, standards, targets, weights (its committee's officials)",
        params: IdParamsSchema,
        body: UpdateCampaignSchema,
        response: { 200: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (req) => updateCampaign(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/campaigns/:id/cancel',
    {
      schema: {
        tags,
        summary: "Cancel a campaign: kept on record, out of the lists (its committee's officials)",
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: z.object({ id: z.number(), cancelledAt: z.string() }), ...errorResponses },
      },
    },
    async (req) => cancelCampaign(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/campaigns/:id/standings',
    {
      schema: {
        tags,
        summary: 'The standings, by rank (equal scores share one), each with the unit just above and the points to overtake it',
        params: IdParamsSchema,
        response: { 200: StandingsSchema, ...errorResponses },
      },
    },
    async (req) => getStandings(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/campaigns/:id/standings.csv',
    {
      schema: {
        tags,
        summary: 'The standings as CSV: rank, unit, score, the unit just above and the points to overtake it',
        params: IdParamsSchema,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="campaign-${req.params.id}-standings.csv"`)
        .send(await standingsCsv(db, requireActor(req), req.params.id)),
  );

  app.get(
    '/api/v1/campaigns/:id/units/:unitId',
    {
      schema: {
        tags,
        summary: "A participant's score and the figures behind it: per standard its weight, share and monthly figures",
        params: CampaignUnitParamsSchema,
        response: { 200: UnitScoreSchema, ...errorResponses },
      },
    },
    async (req) => getUnitScore(db, requireActor(req), req.params.id, req.params.unitId),
  );

  app.get(
    '/api/v1/units/:id/campaigns',
    {
      schema: {
        tags,
        summary: 'The campaigns a unit runs or takes part in, newest first',
        params: IdParamsSchema,
        querystring: CampaignListQuerySchema,
        response: { 200: CampaignPageSchema, ...errorResponses },
      },
    },
    async (req) => listUnitCampaigns(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/distinction-rules',
    {
      schema: {
        tags,
        summary: 'The centre’s rules of yearly distinctions',
        response: { 200: DistinctionRuleListSchema, ...errorResponses },
      },
    },
    async () => listRules(db),
  );

  app.patch(
    '/api/v1/distinction-rules/:code',
    {
      schema: {
        tags,
        summary: 'Change a distinction rule: titles, conditions, whether it is given (the centre)',
        params: RuleParamsSchema,
        body: UpdateDistinctionRuleSchema,
        response: { 200: DistinctionRuleSchema, ...errorResponses },
      },
    },
    async (req) => updateRule(db, requireActor(req), req.params.code, req.body),
  );

  app.get(
    '/api/v1/units/:id/distinctions',
    {
      schema: {
        tags,
        summary: 'The cells under a unit (or the cell) a distinction rule gives the year, and those conferred, by name',
        params: IdParamsSchema,
        querystring: DistinctionQuerySchema,
        response: { 200: DistinctionPageSchema, ...errorResponses },
      },
    },
    async (req) => listDistinctions(db, requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/units/:id/distinctions/:code/conferrals',
    {
      schema: {
        tags,
        summary: 'Confer a distinction for a year on eligible cells under the committee (all of them when none are named)',
        params: UnitRuleParamsSchema,
        body: ConferSchema,
        response: { 201: ConferredSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await conferDistinction(db, requireActor(req), req.params.id, req.params.code, req.body)),
  );

  app.post(
    '/api/v1/units/:id/distinctions/:code/revocations',
    {
      schema: {
        tags,
        summary: 'Revoke a conferred distinction from cells under the committee (kept on record as revoked)',
        params: UnitRuleParamsSchema,
        body: RevokeSchema,
        response: { 200: ConferredSchema, ...errorResponses },
      },
    },
    async (req) => revokeDistinction(db, requireActor(req), req.params.id, req.params.code, req.body),
  );
};
