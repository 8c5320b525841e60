import { z } from 'zod';
import { IdSchema, MonthlyReportSchema, PageQuerySchema, ReportListSchema, SubmitReportSchema } from '../../../shared/schemas.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod } from '../compliance/periods.ts';
import { reportCsv, reportPdf } from './render.ts';
import * as reports from './service.ts';

const tags = ['reports'];
const ReportParams = z.object({ id: IdSchema, period: z.string().regex(/^\d{4}-\d{2}$/, 'a month like 2026-03') }).strict();
/** `2026-03` answers JSON; `2026-03.csv` and `2026-03.pdf` answer the downloads. */
const ReportFileParams = z.object({ id: IdSchema, period: z.string().regex(/^\d{4}-\d{2}(\.(csv|pdf))?$/, 'a month like 2026-03, optionally .csv or .pdf') }).strict();

export const reportRoutes: RouteModule = (app, { db }) => {
  app.get('/api/v1/cells/:id/reports/:period', {
    schema: { tags, summary: 'A cell\'s monthly report (generated from the data until submitted); add .csv or .pdf for a download', params: ReportFileParams, response: { 200: MonthlyReportSchema, ...errorResponses } },
  }, async (req, reply) => {
    const [month, ext] = req.params.period.split('.') as [string, 'csv' | 'pdf' | undefined];
    const report = await reports.getReport(db, requireActor(req), req.params.id, parsePeriod(month));
    if (!ext) return report;
    reply.header('content-disposition', `attachment; filename="cellwork-report-${req.params.id}-${month}.${ext}"`);
    if (ext === 'csv') return reply.type('text/csv; charset=utf-8').send(`\uFEFF${reportCsv(report)}` as never); // files bypass the JSON schema
    return reply.type('application/pdf').send((await reportPdf(report)) as never);
  });

  app.post('/api/v1/cells/:id/reports/:period/submit', {
    schema: { tags, summary: 'Submit the monthly report to the committees above', params: ReportParams, body: SubmitReportSchema, response: { 200: MonthlyReportSchema, ...errorResponses } },
  }, async (req) => reports.submitReport(db, requireActor(req), req.params.id, parsePeriod(req.params.period), req.body.notes ?? null));

  app.get('/api/v1/units/:id/reports', {
    schema: { tags, summary: 'Cells under a unit and the status of their monthly report', params: z.object({ id: IdSchema }).strict(),
      querystring: PageQuerySchema.extend({ period: z.string().max(7) }).strict(), response: { 200: ReportListSchema, ...errorResponses } },
  }, async (req) => reports.listReports(db, requireActor(req), req.params.id, parsePeriod(req.query.period), req.query));
};
