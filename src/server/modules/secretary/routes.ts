/** The secretary (issue 14; decision 0027): thin routes; the rules are in traits, feedback, unit-feedback and succession. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CellFeedbackSchema,
  CreateTraitSchema,
  EditTraitSchema,
  GapsQuerySchema,
  MyFeedbackSchema,
  QuarterQuerySchema,
  RateSecretarySchema,
  ReorderTraitsSchema,
  SecretaryTraitListSchema,
  SecretaryTraitSchema,
  SetTrainingSchema,
  SuccessionSchema,
  TraitListQuerySchema,
  TrainingGapsSchema,
  TrainingProgrammeListSchema,
  TrainingProgrammeSchema,
  UnitFeedbackSchema,
} from '../../../shared/schemas/secretary.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { getCellFeedback, getMyFeedback, rateSecretary } from './feedback.ts';
import { quarterOf } from './quarters.ts';
import { getSuccession, getTrainingGaps, listTrainingProgrammes, setSecretaryTraining } from './succession.ts';
import { createTrait, editTrait, languageOf, listTraits, reorderTraits } from './traits.ts';
import { getUnitFeedback } from './unit-feedback.ts';

const tags = ['secretary'];
const lang = (req: { headers: Record<string, unknown> }) => languageOf(req.headers['accept-language'] as string | undefined);
const EmptyQuerySchema = z.object({}).strict();

export const secretaryRoutes: RouteModule = (app, { db, feedbackKey }) => {
  app.get(
    '/api/v1/secretary-traits',
    {
      schema: {
        tags,
        summary: "The centre's traits of a secretary, live ones in order (administrators: ?retired=include for all)",
        querystring: TraitListQuerySchema,
        response: { 200: SecretaryTraitListSchema, ...errorResponses },
      },
    },
    async (req) => listTraits(db, requireActor(req), lang(req), req.query.retired),
  );
  app.post(
    '/api/v1/secretary-traits',
    {
      schema: {
        tags,
        summary: 'Add a trait (administrators)',
        body: CreateTraitSchema,
        response: { 201: SecretaryTraitSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createTrait(db, requireActor(req), req.body, lang(req))),
  );
  app.patch(
    '/api/v1/secretary-traits/:id',
    {
      schema: {
        tags,
        summary: 'Edit, retire or restore a trait (administrators)',
        params: IdParamsSchema,
        body: EditTraitSchema,
        response: { 200: SecretaryTraitSchema, ...errorResponses },
      },
    },
    async (req) => editTrait(db, requireActor(req), req.params.id, req.body, lang(req)),
  );
  app.put(
    '/api/v1/secretary-traits/order',
    {
      schema: {
        tags,
        summary: 'Reorder the live traits (administrators): every live trait id, once',
        body: ReorderTraitsSchema,
        response: { 200: SecretaryTraitListSchema, ...errorResponses },
      },
    },
    async (req) => reorderTraits(db, requireActor(req), req.body.ids, lang(req)),
  );

  app.post(
    '/api/v1/cells/:id/secretary-feedback',
    {
      schema: {
        tags,
        summary: "Rate the cell's secretary for this quarter (a member on the roll; anonymous; again replaces the first)",
        params: IdParamsSchema,
        body: RateSecretarySchema,
        response: { 201: MyFeedbackSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await rateSecretary(db, feedbackKey, requireActor(req), req.params.id, req.body, lang(req))),
  );
  app.get(
    '/api/v1/cells/:id/secretary-feedback',
    {
      schema: {
        tags,
        summary: "Averages about the cell's secretary from three raters on (the secretary and officials above)",
        params: IdParamsSchema,
        querystring: QuarterQuerySchema,
        response: { 200: CellFeedbackSchema, ...errorResponses },
      },
    },
    async (req) => getCellFeedback(db, requireActor(req), req.params.id, req.query.quarter ?? quarterOf(), lang(req)),
  );
  app.get(
    '/api/v1/cells/:id/secretary-feedback/mine',
    {
      schema: {
        tags,
        summary: 'Whether you rated the secretary this quarter, and your own ratings',
        params: IdParamsSchema,
        querystring: QuarterQuerySchema,
        response: { 200: MyFeedbackSchema, ...errorResponses },
      },
    },
    async (req) => getMyFeedback(db, feedbackKey, requireActor(req), req.params.id, req.query.quarter ?? quarterOf(), lang(req)),
  );
  app.get(
    '/api/v1/units/:id/secretary-feedback',
    {
      schema: {
        tags,
        summary: 'Averages over the cells of the subtree past the threshold, and per child unit (officials)',
        params: IdParamsSchema,
        querystring: QuarterQuerySchema,
        response: { 200: UnitFeedbackSchema, ...errorResponses },
      },
    },
    async (req) => getUnitFeedback(db, requireActor(req), req.params.id, req.query.quarter ?? quarterOf(), lang(req)),
  );

  app.get(
    '/api/v1/cells/:id/secretary-succession',
    {
      schema: {
        tags,
        summary: "The cell's secretary and deputies (successors) with the courses they completed and whether they are trained",
        params: IdParamsSchema,
        querystring: EmptyQuerySchema,
        response: { 200: SuccessionSchema, ...errorResponses },
      },
    },
    async (req) => getSuccession(db, requireActor(req), req.params.id),
  );
  app.get(
    '/api/v1/units/:id/secretary-training-gaps',
    {
      schema: {
        tags,
        summary: 'Cells of the subtree without a trained secretary or deputy, by name, a page at a time',
        params: IdParamsSchema,
        querystring: GapsQuerySchema,
        response: { 200: TrainingGapsSchema, ...errorResponses },
      },
    },
    async (req) => getTrainingGaps(db, requireActor(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/secretary-training/programmes',
    {
      schema: {
        tags,
        summary: 'The programmes and whether each is secretary training (administrators)',
        querystring: EmptyQuerySchema,
        response: { 200: TrainingProgrammeListSchema, ...errorResponses },
      },
    },
    async (req) => listTrainingProgrammes(db, requireActor(req)),
  );
  app.put(
    '/api/v1/secretary-training/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Mark a programme as secretary training, or not (administrators)',
        params: IdParamsSchema,
        body: SetTrainingSchema,
        response: { 200: TrainingProgrammeSchema, ...errorResponses },
      },
    },
    async (req) => setSecretaryTraining(db, requireActor(req), req.params.id, req.body.secretaryTraining),
  );
};
