/** The study library: documents, the newspaper's issues and articles, search, reading lists and the reading log. */
import { z } from 'zod';
import { DateSchema, IdSchema, text } from './base.ts';

export const LIBRARY_LIMITS = {
  title: 300,
  /** A body as sent (HTML), in characters. */
  body: 200_000,
  query: 200,
  listItems: 100,
  searchDefault: 20,
  searchMax: 50,
  /** A reading list covers at most this many days (a year and a bit). */
  listDays: 400,
} as const;

export const DOCUMENT_KINDS = ['document', 'charter'] as const;
export const ITEM_KINDS = ['document', 'charter', 'article'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const body = z.string().min(1).max(LIBRARY_LIMITS.body);

export const CreateDocumentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS).default('document'),
    title: text(LIBRARY_LIMITS.title),
    /** HTML (sanitised on the server) or plain text (paragraphs kept). */
    body,
    /** The issuing committee; left out, the centre. */
    unitId: IdSchema.optional(),
    /** false keeps it a draft (administrators only see it). */
    published: z.boolean().default(true),
  })
  .strict();
export type CreateDocument = z.infer<typeof CreateDocumentSchema>;

export const CreateIssueSchema = z
  .object({
    title: text(200),
    issueNo: z.number().int().min(1).max(1_000_000).optional(),
    issuedOn: DateSchema,
  })
  .strict();
export type CreateIssue = z.infer<typeof CreateIssueSchema>;

export const CreateArticleSchema = z
  .object({
    title: text(LIBRARY_LIMITS.title),
    body,
    editorial: z.boolean().default(false),
    published: z.boolean().default(true),
  })
  .strict();
export type CreateArticle = z.infer<typeof CreateArticleSchema>;

export const UpdateItemSchema = z
  .object({
    title: text(LIBRARY_LIMITS.title).optional(),
    body: body.optional(),
    editorial: z.boolean().optional(),
    published: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateItem = z.infer<typeof UpdateItemSchema>;

export const IssueRefSchema = z.object({ id: z.number(), title: z.string(), issueNo: z.number().nullable(), issuedOn: z.string() });

export const ItemSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  editorial: z.boolean(),
  issue: IssueRefSchema.nullable(),
  publishedAt: z.string().nullable(),
  /** The issuing committee, when the reader may see it; absent for the centre or a committee out of view. */
  unitId: z.number().optional(),
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

export const MyReadingSchema = z.object({
  /** The day the member marked it read alone; null if not. */
  readOn: z.string().nullable(),
  /** Study sessions the member attended where it was read. */
  sessions: z.array(z.object({ meetingId: z.number(), meetsOn: z.string() })),
});

export const ItemSchema = ItemSummarySchema.extend({
  bodyHtml: z.string(),
  /** The signed-in member's own record of reading it (null for an account without a person). */
  myReading: MyReadingSchema.nullable(),
});
export type Item = z.infer<typeof ItemSchema>;

export const ItemListQuerySchema = z
  .object({
    kind: z.enum(ITEM_KINDS).optional(),
    editorial: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The id of the last item of the previous page. */
    cursor: IdSchema.optional(),
  })
  .strict();
export const ItemListSchema = z.object({ items: z.array(ItemSummarySchema), nextCursor: z.string().nullable() });

export const IssueSchema = IssueRefSchema.extend({ articles: z.array(ItemSummarySchema) });
export const IssueListSchema = z.object({ items: z.array(IssueRefSchema.extend({ articleCount: z.number() })) });

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(LIBRARY_LIMITS.query),
    limit: z.coerce.number().int().min(1).max(LIBRARY_LIMITS.searchMax).default(LIBRARY_LIMITS.searchDefault),
  })
  .strict();
export const SearchHitSchema = ItemSummarySchema.extend({
  rank: z.number(),
  /** The title, HTML-escaped, with the query's words wrapped in <mark>. */
  titleHtml: z.string(),
  /** An excerpt of the body, HTML-escaped, with the matches wrapped in <mark>. */
  snippetHtml: z.string(),
});
export const SearchResultSchema = z.object({ query: z.string(), items: z.array(SearchHitSchema) });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SaveReadingListSchema = z
  .object({
    unitId: IdSchema,
    title: text(200),
    startsOn: DateSchema,
    endsOn: DateSchema,
    itemIds: z.array(IdSchema).min(1).max(LIBRARY_LIMITS.listItems),
  })
  .strict()
  .refine((v) => v.endsOn >= v.startsOn, { message: 'The period ends before it starts', path: ['endsOn'] });
export type SaveReadingList = z.infer<typeof SaveReadingListSchema>;

export const ReadingListSchema = z.object({
  id: z.number(),
  /** The committee that chose it, when the reader may see it (absent for one above the reader's view). */
  unitId: z.number().optional(),
  /** Chosen by the centre (the root of the tree). */
  byCentre: z.boolean(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.array(ItemSummarySchema),
  /** The reader manages the committee that chose it: may change or delete it. */
  canEdit: z.boolean(),
});
export type ReadingList = z.infer<typeof ReadingListSchema>;

export const ReadingListQuerySchema = z
  .object({
    /** Lists whose period covers this day; left out, every list. */
    on: DateSchema.optional(),
  })
  .strict();
export const ReadingListListSchema = z.object({ items: z.array(ReadingListSchema) });

export const MarkReadSchema = z.object({ itemId: IdSchema, readOn: DateSchema.optional() }).strict();
export const ReadingLogEntrySchema = z.object({ item: ItemSummarySchema }).merge(MyReadingSchema);
export const ReadingLogSchema = z.object({ items: z.array(ReadingLogEntrySchema) });
export type ReadingLogEntry = z.infer<typeof ReadingLogEntrySchema>;

export const SetStudyReadingsSchema = z.object({ itemIds: z.array(IdSchema).max(LIBRARY_LIMITS.listItems) }).strict();
export const StudyReadingsSchema = z.object({ meetingId: z.number(), items: z.array(ItemSummarySchema) });
