/** Admissions' routes (issue 13, task 7): thin; the rules are in service.ts, decide.ts, rules.ts, the reads in read.ts and summary.ts. */
import { z } from 'zod';
import { IdParamsSchema, PageQuerySchema } from '../../../shared/schemas/base.ts';
import {
  AddCriterionSchema,
  AddTaskSchema,
  AdmissionRulesSchema,
  AdmissionsSummarySchema,
  CheckCriterionSchema,
  CompleteTaskSchema,
  CreateNominationSchema,
  CriteriaQuerySchema,
  CriteriaSchema,
  CriterionSchema,
  DecisionSchema,
  NominationCreatedSchema,
  NominationListSchema,
  NominationSchema,
  NomineeListSchema,
  NomineeQuerySchema,
  RecommendationSchema,
  SponsorshipListSchema,
  SummaryQuerySchema,
  TaskParamsSchema,
  VoteSchema,
  WithdrawSchema,
} from '../../../shared/schemas/admissions.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod, periodOf, todayIso } from '../compliance/periods.ts';
import { decide, recordVote } from './decide.ts';
import { getNomination, listAwaiting, listCellNominations, listMySponsorships, searchNominees } from './read.ts';
import { addCriterion, listCriteria, selectRules, setRules } from './rules.ts';
import * as admissions from './service.ts';
import { getAdmissionsSummary } from './summary.ts';

const tags = ['admissions'];
const OkSchema = z.object({ ok: z.boolean() });
const StepSchema = z.object({ id: z.number(), status: z.string() }).passthrough();

export const admissionRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/cells/:id/nominations',
    {
      schema: {
        tags,
        summary:
          'Nominate a person (existing or new) to the cell, with two or more full members as sponsors (the secretary, or an official over the cell)',
        params: IdParamsSchema,
        body: CreateNominationSchema,
        response: { 201: NominationCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await admissions.nominate(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/cells/:id/nominations',
    {
      schema: {
        tags,
        summary: "The cell's nominations, newest first, a page at a time",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: NominationListSchema, ...errorResponses },
      },
    },
    async (req) => listCellNominations(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/cells/:id/nominees',
    {
      schema: {
        tags,
        summary:
          'People on no roll whom you may nominate to the cell (former members of rolls you manage, young people of their youth groups), by name',
        params: IdParamsSchema,
        querystring: NomineeQuerySchema,
        response: { 200: NomineeListSchema, ...errorResponses },
      },
    },
    async (req) => searchNominees(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/me/sponsorships',
    {
      schema: {
        tags,
        summary: 'The open nominations you sponsor, with your own recommendation',
        response: { 200: SponsorshipListSchema, ...errorResponses },
      },
    },
    async (req) => listMySponsorships(db, requireActor(req)),
  );

  app.post(
    '/api/v1/nominations/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an open nomination (the secretary, or an official over the cell); its record is kept',
        params: IdParamsSchema,
        body: WithdrawSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => admissions.withdraw(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/nominations/awaiting',
    {
      schema: {
        tags,
        summary: 'Nominations voted by their cell awaiting the decision of a committee you manage above the cell, a page at a time',
        querystring: PageQuerySchema,
        response: { 200: NominationListSchema, ...errorResponses },
      },
    },
    async (req) => listAwaiting(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/nominations/:id',
    {
      schema: {
        tags,
        summary: 'A nomination with its sponsors and recommendations, criteria checks, training tasks, vote and timeline',
        params: IdParamsSchema,
        response: { 200: NominationSchema, ...errorResponses },
      },
    },
    async (req) => getNomination(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/nominations/:id/recommendations',
    {
      schema: {
        tags,
        summary: "A sponsor's written recommendation (recorded by the secretary, or written by the sponsor)",
        params: IdParamsSchema,
        body: RecommendationSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (req) => admissions.recordRecommendation(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/nominations/:id/checks',
    {
      schema: {
        tags,
        summary: 'Check a criterion with a note and the day (the secretary)',
        params: IdParamsSchema,
        body: CheckCriterionSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (req) => admissions.checkCriterion(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/nominations/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task to the training plan; the first starts the training',
        params: IdParamsSchema,
        body: AddTaskSchema,
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await admissions.addTask(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/nominations/:id/tasks/:taskId/done',
    {
      schema: {
        tags,
        summary: 'Mark a training task done',
        params: TaskParamsSchema,
        body: CompleteTaskSchema,
        response: { 200: OkSchema, ...errorResponses },
      },
    },
    async (req) => admissions.completeTask(db, requireActor(req), req.params.id, req.params.taskId, req.body ?? {}),
  );

  app.post(
    '/api/v1/nominations/:id/vote',
    {
      schema: {
        tags,
        summary: "The cell's vote at a held general meeting: for, against, abstain (no more than the full members present)",
        params: IdParamsSchema,
        body: VoteSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => recordVote(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/nominations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject with reasons (an official managing a committee above the cell); approval puts the person on the roll',
        params: IdParamsSchema,
        body: DecisionSchema,
        response: { 200: StepSchema, ...errorResponses },
      },
    },
    async (req) => decide(db, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/admission-criteria',
    {
      schema: {
        tags,
        summary: "The criteria checklist: the centre's, and with a unit those of the committees above it too",
        querystring: CriteriaQuerySchema,
        response: { 200: CriteriaSchema, ...errorResponses },
      },
    },
    async (req) => listCriteria(db, requireActor(req), req.query.unitId),
  );

  app.post(
    '/api/v1/admission-criteria',
    {
      schema: {
        tags,
        summary: "Add a criterion: to the centre's checklist (the centre), or for a committee's subtree (its manager)",
        body: AddCriterionSchema,
        response: { 201: CriterionSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addCriterion(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/admission-rules',
    { schema: { tags, summary: 'The admission rules in force', response: { 200: AdmissionRulesSchema, ...errorResponses } } },
    async (req) => {
      requireActor(req);
      return selectRules(db);
    },
  );

  app.put(
    '/api/v1/admission-rules',
    {
      schema: {
        tags,
        summary: "Set the admission rules: sponsors' membership months, candidacy months, the vote rule (the centre)",
        body: AdmissionRulesSchema,
        response: { 200: AdmissionRulesSchema, ...errorResponses },
      },
    },
    async (req) => setRules(db, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/units/:id/admissions/summary',
    {
      schema: {
        tags,
        summary: "The admissions pipeline of a unit's subtree for a month, with its children's for drill-down",
        params: IdParamsSchema,
        querystring: SummaryQuerySchema,
        response: { 200: AdmissionsSummarySchema, ...errorResponses },
      },
    },
    async (req) =>
      getAdmissionsSummary(db, requireActor(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : periodOf(todayIso())),
  );
};
