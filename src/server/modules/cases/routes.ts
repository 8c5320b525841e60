/** Integrity cases (issue 14, task 10): thin routes; who sees what is in access.ts, the steps in service.ts. */
import { z } from 'zod';
import { IdParamsSchema, IdSchema } from '../../../shared/schemas/base.ts';
import {
  CaseEvidenceSchema,
  CaseListSchema,
  CaseReadListSchema,
  CaseRulesSchema,
  CaseSchema,
  CaseStatsQuerySchema,
  CaseStatsSchema,
  CaseSubjectListSchema,
  CaseTextSchema,
  CaseTimelineSchema,
  CreatedIdSchema,
  DecideCaseSchema,
  MyReportListSchema,
  ReportCaseSchema,
  TriageCaseSchema,
} from '../../../shared/schemas/cases.ts';
import type { Actor } from '../../access/actor.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { registerUploadRoute, sendDownload } from '../../http/uploads.ts';
import { addEvidence } from './evidence.ts';
import { getCase, getEvidenceFile, getTimeline, listCaseReads, listCases, listMyReports } from './read.ts';
import { selectCaseRules, setCaseRules } from './rules.ts';
import { appealCase, decideCase, notifySubject, reportCase, respondToCase, triageCase } from './service.ts';
import { getCaseStats } from './stats.ts';
import { nameableRoles } from './subjects.ts';

const tags = ['cases'];
const EmptyBodySchema = z.object({}).strict().optional();
const EvidenceParamsSchema = z.object({ id: IdSchema, evidenceId: IdSchema }).strict();
const SubjectsQuerySchema = z.object({ q: z.string().trim().max(100).optional() }).strict();
const NoContent = { 204: z.null(), ...errorResponses };

export const caseRoutes: RouteModule = (app, { db, notifier }) => {
  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Report conduct in a role (abuse of power, bureaucratism, corruption, other misuse of the role) by a person who holds one',
        body: ReportCaseSchema,
        response: { 201: CreatedIdSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await reportCase(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/cases/subjects',
    {
      schema: {
        tags,
        summary: 'Whom you may name in a report: your cell’s officers, the officials above it, and officers in your own scope',
        querystring: SubjectsQuerySchema,
        response: { 200: CaseSubjectListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const rows = await nameableRoles(db, requireActor(req), { q: req.query.q || undefined });
      return {
        items: rows.map((r) => ({
          id: r.person_id,
          fullName: r.full_name,
          role: r.role,
          unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
        })),
      };
    },
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'The cases you handle, and those about you once you were notified (each listed is recorded as read)',
        response: { 200: CaseListSchema, ...errorResponses },
      },
    },
    async (req) => listCases(db, requireActor(req)),
  );

  app.get(
    '/api/v1/me/case-reports',
    {
      schema: { tags, summary: 'The reports you made and where each stands', response: { 200: MyReportListSchema, ...errorResponses } },
    },
    async (req) => listMyReports(db, requireActor(req)),
  );

  app.get(
    '/api/v1/case-rules',
    { schema: { tags, summary: 'Days to respond, days to appeal, years kept', response: { 200: CaseRulesSchema, ...errorResponses } } },
    async (req) => {
      requireActor(req);
      return selectCaseRules(db);
    },
  );

  app.put(
    '/api/v1/case-rules',
    {
      schema: {
        tags,
        summary: 'Set the case rules (central administrators)',
        body: CaseRulesSchema,
        response: { 200: CaseRulesSchema, ...errorResponses },
      },
    },
    async (req) => setCaseRules(db, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/units/:id/case-stats',
    {
      schema: {
        tags,
        summary: "Anonymous counts of the cases handled in a committee's subtree for a year or month; null below 3 cases",
        params: IdParamsSchema,
        querystring: CaseStatsQuerySchema,
        response: { 200: CaseStatsSchema, ...errorResponses },
      },
    },
    async (req) => getCaseStats(db, requireActor(req), req.params.id, req.query.period),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case: for its handlers, and its subject once notified; 404 for everyone else',
        params: IdParamsSchema,
        response: { 200: CaseSchema, ...errorResponses },
      },
    },
    async (req) => getCase(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/cases/:id/timeline',
    {
      schema: {
        tags,
        summary: "A case's steps in order",
        params: IdParamsSchema,
        response: { 200: CaseTimelineSchema, ...errorResponses },
      },
    },
    async (req) => getTimeline(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/cases/:id/reads',
    {
      schema: {
        tags,
        summary: 'Every read of the case: who, when, what part (handlers)',
        params: IdParamsSchema,
        response: { 200: CaseReadListSchema, ...errorResponses },
      },
    },
    async (req) => listCaseReads(db, requireActor(req), req.params.id),
  );

  /** A step of due process on a case: the rules are the service's; the answer is 204. */
  const step = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, id: number, input: z.infer<B>) => Promise<void>,
  ) =>
    app.post(
      `/api/v1/cases/:id/${path}`,
      { schema: { tags, summary, params: IdParamsSchema, body, response: NoContent } },
      async (req, reply) => {
        await run(requireActor(req), req.params.id, req.body as z.infer<B>);
        return reply.status(204).send(null);
      },
    );
  step('triage', 'Open the case, or dismiss it as out of scope with reasons (first-instance handlers)', TriageCaseSchema, (a, id, b) =>
    triageCase(db, a, id, b),
  );
  step('notify-subject', 'Tell the subject: they may then read the allegations and respond (handlers)', EmptyBodySchema, (a, id) =>
    notifySubject(db, notifier, a, id),
  );
  step(
    'decision',
    'Decide with reasons, once the subject was heard (handlers; on appeal, the appeal committee’s handlers)',
    DecideCaseSchema,
    (a, id, b) => decideCase(db, a, id, b),
  );
  step(
    'appeal',
    'Appeal the decision within the period (the subject); it goes to the handlers of the next committee up',
    CaseTextSchema,
    (a, id, b) => appealCase(db, a, id, b.text),
  );

  app.post(
    '/api/v1/cases/:id/responses',
    {
      schema: {
        tags,
        summary: "The subject's written response",
        params: IdParamsSchema,
        body: CaseTextSchema,
        response: { 201: CreatedIdSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await respondToCase(db, requireActor(req), req.params.id, req.body.text)),
  );

  app.get(
    '/api/v1/cases/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (recorded as a read)',
        params: EvidenceParamsSchema,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req, reply) => {
      return sendDownload(reply, await getEvidenceFile(db, requireActor(req), req.params.id, req.params.evidenceId));
    },
  );

  // Evidence uploads: the directives' upload route and limits (decision 0020).
  registerUploadRoute(
    app,
    '/api/v1/cases/:id/evidence',
    {
      tags,
      summary:
        'Add evidence (multipart/form-data, one file, at most 10 MB; PDF, PNG, JPEG or UTF-8 text): the reporter or the notified subject',
      response: CaseEvidenceSchema,
    },
    (actor, id, file) => addEvidence(db, actor, id, file),
  );
};
