import { IdParamsSchema, PageQuerySchema } from '../../../shared/schemas/base.ts';
import {
  AppointSecretarySchema,
  ChildrenQuerySchema,
  CloseUnitSchema,
  CreateUnitSchema,
  MemberPageSchema,
  MoveUnitSchema,
  RelieveSecretarySchema,
  UnitPageSchema,
  UnitSchema,
  UnitSearchQuerySchema,
  UpdateUnitSchema,
} from '../../../shared/schemas/units.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { appointSecretary, relieveSecretary } from './officers.ts';
import * as units from './service.ts';

const tags = ['units'];

export const unitRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/units/search',
    {
      schema: {
        tags,
        summary: 'Find units by name or code within your scope',
        querystring: UnitSearchQuerySchema,
        response: { 200: UnitPageSchema, ...errorResponses },
      },
    },
    async (req) => units.searchUnits(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'A unit with its breadcrumb, counts and officers',
        params: IdParamsSchema,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (req) => units.getUnit(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/units/:id/children',
    {
      schema: {
        tags,
        summary: 'The units directly under a committee',
        params: IdParamsSchema,
        querystring: ChildrenQuerySchema,
        response: { 200: UnitPageSchema, ...errorResponses },
      },
    },
    async (req) => units.listChildren(db, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/units/:id/members',
    {
      schema: {
        tags,
        summary: 'The current roll of a cell',
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: MemberPageSchema, ...errorResponses },
      },
    },
    async (req) => units.listMembers(db, requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'Add a committee or cell under a committee',
        body: CreateUnitSchema,
        response: { 201: UnitSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await units.createUnit(db, requireActor(req), req.body)),
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename a unit or change its code or sector',
        params: IdParamsSchema,
        body: UpdateUnitSchema,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (req) => units.updateUnit(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a unit and its subtree under another committee',
        params: IdParamsSchema,
        body: MoveUnitSchema,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (req) => units.moveUnit(db, requireActor(req), req.params.id, req.body.newParentId),
  );

  app.post(
    '/api/v1/units/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a unit (history is kept)',
        params: IdParamsSchema,
        body: CloseUnitSchema,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (req) => units.closeUnit(db, requireActor(req), req.params.id, req.body.closedOn),
  );

  app.post(
    '/api/v1/units/:id/secretary',
    {
      schema: {
        tags,
        summary: 'Appoint the cell secretary or a deputy from its roll',
        params: IdParamsSchema,
        body: AppointSecretarySchema,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (req) => appointSecretary(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/units/:id/secretary/relieve',
    {
      schema: {
        tags,
        summary: 'Relieve a secretary or deputy (they stay on the roll)',
        params: IdParamsSchema,
        body: RelieveSecretarySchema,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (req) => relieveSecretary(db, requireActor(req), req.params.id, req.body),
  );
};
