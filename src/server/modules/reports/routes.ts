import { z } from 'zod';
import { IdSchema, PageQuerySchema } from '../../../shared/schemas/base.ts';
import { MonthlyReportSchema, ReportFileQuerySchema, ReportListSchema, SubmitReportSchema } from '../../../shared/schemas/reports.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { parsePeriod } from '../compliance/periods.ts';
import { reportLanguage } from './labels.ts';
import { reportCsv } from './render-csv.ts';
import { reportPdf } from './render.ts';
import * as reports from './service.ts';

const tags = ['reports'];
const ReportParams = z.object({ id: IdSchema, period: z.string().regex(/^\d{4}-\d{2}$/, 'a month like 2026-03') }).strict();
/** `2026-03` answers JSON; `2026-03.csv` and `2026-03.pdf` answer the downloads. */
const ReportFileParams = z
  .object({ id: IdSchema, period: z.string().regex(/^\d{4}-\d{2}(\.(csv|pdf))?$/, 'a month like 2026-03, optionally .csv or .pdf') })
  .strict();

export const reportRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/v1/cells/:id/reports/:period',
    {
      schema: {
        tags,
        summary:
          "A cell's monthly report (generated from the data until submitted); add .csv or .pdf for a download, in the language of `lang` or Accept-Language",
        params: ReportFileParams,
        querystring: ReportFileQuerySchema,
        response: { 200: MonthlyReportSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const [month, ext] = req.params.period.split('.') as [string, 'csv' | 'pdf' | undefined];
      const period = parsePeriod(month);
      if (!ext) return reports.getReport(db, requireActor(req), req.params.id, period, config.timeZone);
      const doc = await reports.getReportDocument(db, requireActor(req), req.params.id, period, config.timeZone);
      const language = reportLanguage(req.query.lang, req.headers['accept-language']);
      reply
        .header('content-disposition', `attachment; filename="cellwork-report-${req.params.id}-${month}.${ext}"`)
        .header('content-language', language)
        .header('vary', 'Accept-Language');
      // Files bypass the JSON schema. The BOM makes Excel read the CSV as UTF-8 (Korean names intact).
      if (ext === 'csv') return reply.type('text/csv; charset=utf-8').send(`\uFEFF${reportCsv(doc, language)}` as never);
      return reply.type('application/pdf').send((await reportPdf(doc, language)) as never);
    },
  );

  app.post(
    '/api/v1/cells/:id/reports/:period/submit',
    {
      schema: {
        tags,
        summary:
          'Submit the monthly report to the committees above; a month not yet over needs `confirmEarly: true` (else 409 report.monthNotOver)',
        params: ReportParams,
        body: SubmitReportSchema,
        response: { 200: MonthlyReportSchema, ...errorResponses },
      },
    },
    async (req) => reports.submitReport(db, requireActor(req), req.params.id, parsePeriod(req.params.period), req.body, config.timeZone),
  );

  app.get(
    '/api/v1/units/:id/reports',
    {
      schema: {
        tags,
        summary: 'Cells under a unit and the status of their monthly report',
        params: z.object({ id: IdSchema }).strict(),
        querystring: PageQuerySchema.extend({ period: z.string().max(7) }).strict(),
        response: { 200: ReportListSchema, ...errorResponses },
      },
    },
    async (req) => reports.listReports(db, requireActor(req), req.params.id, parsePeriod(req.query.period), req.query),
  );
};
