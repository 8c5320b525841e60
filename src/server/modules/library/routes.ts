/** The study library's routes (issue 11): thin; the rules are in service.ts, reading-lists.ts, reading-log.ts and search.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CreateArticleSchema,
  CreateDocumentSchema,
  CreateIssueSchema,
  IssueListSchema,
  IssueSchema,
  ItemListQuerySchema,
  ItemListSchema,
  ItemSchema,
  MarkReadSchema,
  MyReadingSchema,
  ReadingListListSchema,
  ReadingListQuerySchema,
  ReadingListSchema,
  ReadingLogSchema,
  SaveReadingListSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SetStudyReadingsSchema,
  StudyReadingsSchema,
  UpdateItemSchema,
} from '../../../shared/schemas/library.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as lists from './reading-lists.ts';
import { getStudyReadings, markRead, myReadingLog, setStudyReadings, unmarkRead } from './reading-log.ts';
import { searchLibrary } from './search.ts';
import * as library from './service.ts';

const tags = ['library'];
const ItemIdParamsSchema = z.object({ itemId: IdParamsSchema.shape.id }).strict();

export const libraryRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/library/items',
    {
      schema: {
        tags,
        summary: 'Documents and articles, latest added first (drafts for administrators only)',
        querystring: ItemListQuerySchema,
        response: { 200: ItemListSchema, ...errorResponses },
      },
    },
    async (req) => library.listItems(db, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/library/items/:id',
    {
      schema: {
        tags,
        summary: "A document or article with its sanitised body and the reader's own reading of it",
        params: IdParamsSchema,
        response: { 200: ItemSchema, ...errorResponses },
      },
    },
    async (req) => library.getItem(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/library/items/:id',
    {
      schema: {
        tags,
        summary: 'Change, publish or withdraw a document or article (administrators)',
        params: IdParamsSchema,
        body: UpdateItemSchema,
        response: { 200: ItemSchema, ...errorResponses },
      },
    },
    async (req) => library.updateItem(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/library/documents',
    {
      schema: {
        tags,
        summary: 'Add a document or the charter (administrators); the body is sanitised',
        body: CreateDocumentSchema,
        response: { 201: ItemSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await library.createDocument(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/library/issues',
    { schema: { tags, summary: "The newspaper's issues, latest first", response: { 200: IssueListSchema, ...errorResponses } } },
    async (req) => library.listIssues(db, requireActor(req)),
  );

  app.post(
    '/api/v1/library/issues',
    {
      schema: {
        tags,
        summary: 'Add a newspaper issue (administrators)',
        body: CreateIssueSchema,
        response: { 201: IssueSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await library.createIssue(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/library/issues/:id',
    {
      schema: {
        tags,
        summary: 'A newspaper issue and its articles, the editorial first',
        params: IdParamsSchema,
        response: { 200: IssueSchema, ...errorResponses },
      },
    },
    async (req) => library.getIssue(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/library/issues/:id/articles',
    {
      schema: {
        tags,
        summary: 'Add an article to an issue, possibly its editorial (administrators)',
        params: IdParamsSchema,
        body: CreateArticleSchema,
        response: { 201: ItemSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await library.createArticle(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/library/search',
    {
      schema: {
        tags,
        summary: 'Full-text and substring search (Korean and English), ranked, with highlighted snippets',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...errorResponses },
      },
    },
    async (req) => searchLibrary(db, requireActor(req), req.query.q, req.query.limit),
  );

  app.get(
    '/api/v1/units/:id/reading-lists',
    {
      schema: {
        tags,
        summary: 'Reading lists that apply to a unit (chosen for it or above it) and those its committees chose below it',
        params: IdParamsSchema,
        querystring: ReadingListQuerySchema,
        response: { 200: ReadingListListSchema, ...errorResponses },
      },
    },
    async (req) => lists.listReadingLists(db, requireActor(req), req.params.id, req.query.on),
  );

  app.post(
    '/api/v1/reading-lists',
    {
      schema: {
        tags,
        summary: 'Choose a reading list for a period, for the subtree of a committee the actor manages (or the centre)',
        body: SaveReadingListSchema,
        response: { 201: ReadingListSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await lists.createReadingList(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/reading-lists/:id',
    { schema: { tags, summary: 'A reading list', params: IdParamsSchema, response: { 200: ReadingListSchema, ...errorResponses } } },
    async (req) => lists.getReadingList(db, requireActor(req), req.params.id),
  );

  app.put(
    '/api/v1/reading-lists/:id',
    {
      schema: {
        tags,
        summary: 'Replace a reading list (its committee’s managers)',
        params: IdParamsSchema,
        body: SaveReadingListSchema,
        response: { 200: ReadingListSchema, ...errorResponses },
      },
    },
    async (req) => lists.updateReadingList(db, requireActor(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/reading-lists/:id',
    {
      schema: {
        tags,
        summary: 'Delete a reading list (its committee’s managers)',
        params: IdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await lists.deleteReadingList(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/reading-log',
    {
      schema: {
        tags,
        summary: "The signed-in member's reading log: read alone, and at study sessions attended (private to the member)",
        response: { 200: ReadingLogSchema, ...errorResponses },
      },
    },
    async (req) => myReadingLog(db, requireActor(req)),
  );

  app.post(
    '/api/v1/me/reading-log',
    {
      schema: {
        tags,
        summary: 'Mark an item read alone (today, or the day given); marking again moves the day',
        body: MarkReadSchema,
        response: { 200: MyReadingSchema, ...errorResponses },
      },
    },
    async (req) => markRead(db, requireActor(req), req.body.itemId, req.body.readOn),
  );

  app.delete(
    '/api/v1/me/reading-log/:itemId',
    {
      schema: { tags, summary: 'Take back a solo reading', params: ItemIdParamsSchema, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await unmarkRead(db, requireActor(req), req.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/meetings/:id/readings',
    {
      schema: {
        tags,
        summary: 'The documents and articles read at a meeting',
        params: IdParamsSchema,
        response: { 200: StudyReadingsSchema, ...errorResponses },
      },
    },
    async (req) => getStudyReadings(db, requireActor(req), req.params.id),
  );

  app.put(
    '/api/v1/meetings/:id/readings',
    {
      schema: {
        tags,
        summary: 'Set the documents and articles read at a study meeting (its cell’s managers)',
        params: IdParamsSchema,
        body: SetStudyReadingsSchema,
        response: { 200: StudyReadingsSchema, ...errorResponses },
      },
    },
    async (req) => setStudyReadings(db, requireActor(req), req.params.id, req.body.itemIds),
  );
};
