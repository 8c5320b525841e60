/** Cells' work plans (issue 15): thin routes; the rules are in service.ts and read.ts. */
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  AdoptPlanSchema,
  CommitteePlansQuerySchema,
  CommitteePlansSchema,
  PlanListSchema,
  PlanParamsSchema,
  ReviewPlanSchema,
  SavePlanSchema,
  WorkPlanSchema,
} from '../../../shared/schemas/work-plans.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { getCommitteePlans, getPlan, listPlans } from './read.ts';
import { adoptPlan, reviewPlan, savePlan } from './service.ts';

const tags = ['work-plans'];

export const workPlanRoutes: RouteModule = (app, { db }) => {
  app.put(
    '/api/v1/cells/:id/work-plans/:period',
    {
      schema: {
        tags,
        summary: "Draft the cell's work plan for a quarter (YYYY-Qn): its goals (the secretary, officials over the cell; not once adopted)",
        params: PlanParamsSchema,
        body: SavePlanSchema,
        response: { 200: WorkPlanSchema, ...errorResponses },
      },
    },
    async (req) => savePlan(db, requireActor(req), req.params.id, req.params.period, req.body),
  );

  app.post(
    '/api/v1/cells/:id/work-plans/:period/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt the drafted plan at a held general meeting of the cell',
        params: PlanParamsSchema,
        body: AdoptPlanSchema,
        response: { 200: WorkPlanSchema, ...errorResponses },
      },
    },
    async (req) => adoptPlan(db, requireActor(req), req.params.id, req.params.period, req.body),
  );

  app.post(
    '/api/v1/cells/:id/work-plans/:period/review',
    {
      schema: {
        tags,
        summary: "Review the adopted plan from its quarter's last month on: each goal met or not, with a note",
        params: PlanParamsSchema,
        body: ReviewPlanSchema,
        response: { 200: WorkPlanSchema, ...errorResponses },
      },
    },
    async (req) => reviewPlan(db, requireActor(req), req.params.id, req.params.period, req.body),
  );

  app.get(
    '/api/v1/cells/:id/work-plans/:period',
    {
      schema: {
        tags,
        summary: "The cell's work plan for a quarter with its goals, adoption and review (status `missing` when none was drafted)",
        params: PlanParamsSchema,
        response: { 200: WorkPlanSchema, ...errorResponses },
      },
    },
    async (req) => getPlan(db, requireActor(req), req.params.id, req.params.period),
  );

  app.get(
    '/api/v1/cells/:id/work-plans',
    {
      schema: {
        tags,
        summary: "The cell's work plans, newest quarter first",
        params: IdParamsSchema,
        response: { 200: PlanListSchema, ...errorResponses },
      },
    },
    async (req) => listPlans(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/units/:id/work-plans',
    {
      schema: {
        tags,
        summary:
          "A committee's open cells and their work plans for a quarter: adopted, draft, reviewed and missing counted, cells in name order, paged",
        params: IdParamsSchema,
        querystring: CommitteePlansQuerySchema,
        response: { 200: CommitteePlansSchema, ...errorResponses },
      },
    },
    async (req) => getCommitteePlans(db, requireActor(req), req.params.id, req.query),
  );
};
