import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { IdParamsSchema, pageOf } from '../../../shared/schemas/base.ts';
import {
  ComplianceGridSchema,
  ComplianceQuerySchema,
  ComplianceRowSchema,
  ComplianceRowsQuerySchema,
  ComplianceSchema,
  SavedStandardSchema,
  SaveStandardSchema,
  SectorBreakdownSchema,
  StandardListSchema,
  TrendQuerySchema,
  TrendSchema,
  WorstCellsSchema,
} from '../../../shared/schemas/compliance.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { lastCompletePeriod, parsePeriod } from './periods.ts';
import * as compliance from './service.ts';
import { getGrid, getSectorBreakdown, getWorstCells } from './views.ts';
import { saveStandard } from './rulebook.ts';
import { listStandards } from './standards.ts';

const tags = ['compliance'];

export const complianceRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/units/:id/compliance',
    {
      schema: {
        tags,
        summary: 'How many cells under a unit meet each standard in a month',
        params: IdParamsSchema,
        querystring: ComplianceQuerySchema,
        response: { 200: ComplianceSchema, ...errorResponses },
      },
    },
    async (req) => compliance.getCompliance(db, requireActor(req), req.params.id, parsePeriod(req.query.period)),
  );

  app.get(
    '/api/v1/units/:id/compliance/cells',
    {
      schema: {
        tags,
        summary: 'The cells behind a compliance figure, with what each lacks',
        params: IdParamsSchema,
        querystring: ComplianceRowsQuerySchema,
        response: { 200: pageOf(ComplianceRowSchema), ...errorResponses },
      },
    },
    async (req) =>
      compliance.listComplianceCells(db, requireActor(req), req.params.id, {
        period: parsePeriod(req.query.period),
        standard: req.query.standard,
        limit: req.query.limit,
        cursor: req.query.cursor,
        meets: req.query.meets === undefined ? undefined : req.query.meets === 'true',
      }),
  );

  app.get(
    '/api/v1/units/:id/compliance/cells.csv',
    {
      schema: {
        tags,
        summary: 'The cells behind a compliance figure as a CSV download: every row, with its figures in columns',
        params: IdParamsSchema,
        querystring: ComplianceRowsQuerySchema.omit({ limit: true, cursor: true }),
        response: { ...errorResponses },
      },
    },
    async (req, reply) => {
      const q = {
        period: parsePeriod(req.query.period),
        standard: req.query.standard,
        meets: req.query.meets === undefined ? undefined : req.query.meets === 'true',
      };
      const pages = compliance.allComplianceCells(db, requireActor(req), req.params.id, q);
      const first = await pages.next(); // a unit out of scope or a bad period fails here, before anything is sent
      // One standard per download, so every row's figures have the same names: they become columns.
      const figures = Object.keys(((first.done ? [] : first.value).find((r) => r.detail)?.detail ?? {}) as Record<string, unknown>).filter(
        (k) => k !== 'kind',
      ); // the standard column names it already
      async function* rows() {
        for (let next = first; !next.done; next = await pages.next()) {
          for (const r of next.value) {
            const detail = (r.detail ?? {}) as Record<string, unknown>;
            yield [r.cellId, r.cellName, r.cellCode, r.standardCode, r.meets ? 'yes' : 'no', ...figures.map((f) => detail[f] ?? null)];
          }
        }
      }
      const month = req.query.period;
      reply.header(
        'content-disposition',
        `attachment; filename="cellwork-${req.params.id}-${encodeURIComponent(q.standard)}-${month}.csv"`,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .send(
          Readable.from(rows()).pipe(
            stringify({ bom: true, header: true, columns: ['cellId', 'cellName', 'cellCode', 'standard', 'meets', ...figures] }),
          ) as never,
        );
    },
  );

  app.get(
    '/api/v1/units/:id/compliance/trend',
    {
      schema: {
        tags,
        summary: 'Cells meeting each standard, month by month',
        params: IdParamsSchema,
        querystring: TrendQuerySchema,
        response: { 200: TrendSchema, ...errorResponses },
      },
    },
    async (req) =>
      compliance.getTrend(
        db,
        requireActor(req),
        req.params.id,
        req.query.period ? parsePeriod(req.query.period) : lastCompletePeriod(),
        req.query.months,
      ),
  );

  app.get(
    '/api/v1/units/:id/compliance/grid',
    {
      schema: {
        tags,
        summary: 'The heat grid: each child unit against each standard',
        params: IdParamsSchema,
        querystring: ComplianceQuerySchema,
        response: { 200: ComplianceGridSchema, ...errorResponses },
      },
    },
    async (req) => getGrid(db, requireActor(req), req.params.id, parsePeriod(req.query.period)),
  );

  app.get(
    '/api/v1/units/:id/compliance/worst',
    {
      schema: {
        tags,
        summary: 'The cells failing the most standards, with what they lack',
        params: IdParamsSchema,
        querystring: ComplianceQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(100).default(10) }).strict(),
        response: { 200: WorstCellsSchema, ...errorResponses },
      },
    },
    async (req) => getWorstCells(db, requireActor(req), req.params.id, parsePeriod(req.query.period), req.query.limit),
  );

  app.get(
    '/api/v1/units/:id/compliance/sectors',
    {
      schema: {
        tags,
        summary: 'Compliance of the cells under a unit, by sector',
        params: IdParamsSchema,
        querystring: ComplianceQuerySchema,
        response: { 200: SectorBreakdownSchema, ...errorResponses },
      },
    },
    async (req) => getSectorBreakdown(db, requireActor(req), req.params.id, parsePeriod(req.query.period)),
  );

  app.get(
    '/api/v1/standards',
    {
      schema: {
        tags: ['rulebook'],
        summary: 'The rulebook: every standard and its versions',
        response: { 200: StandardListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listStandards(db, requireActor(req)) }),
  );

  app.post(
    '/api/v1/standards',
    {
      schema: {
        tags: ['rulebook'],
        summary: 'Add or change a standard from a month on (or retire it); past months keep their rules',
        body: SaveStandardSchema,
        response: { 200: SavedStandardSchema, ...errorResponses },
      },
    },
    async (req) => saveStandard(db, requireActor(req), req.body),
  );
};
