/**
 * Laudable deeds (issue 15; decision 0031): a deed of a cell or of members of it, recorded by the cell's
 * secretary or a committee over it; a committee publishes it to its subtree, where it shows on every
 * member's board, newest first. A deed is conduct in the organization's work, nothing else.
 */
import { z } from 'zod';
import { DateSchema, IdSchema, PageQuerySchema, PersonRefSchema, pageOf, text } from './base.ts';

export const DEED_LIMITS = { title: 200, description: 4000, witnesses: 1000, people: 50 } as const;

export const RecordDeedSchema = z
  .object({
    title: text(DEED_LIMITS.title),
    description: text(DEED_LIMITS.description),
    /** The members who did it (on the cell's roll on that day); none: a deed of the cell as a whole. */
    personIds: z.array(IdSchema).max(DEED_LIMITS.people).optional(),
    on: DateSchema,
    /** Who saw it, in words. */
    witnesses: text(DEED_LIMITS.witnesses).optional(),
  })
  .strict();
export type RecordDeed = z.infer<typeof RecordDeedSchema>;

export const PublishDeedSchema = z
  .object({
    /** The committee whose subtree sees it: one above the cell that the reader manages; by default their deepest. */
    unitId: IdSchema.optional(),
  })
  .strict();
export type PublishDeed = z.infer<typeof PublishDeedSchema>;

export const DeedSchema = z.object({
  id: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  title: z.string(),
  description: z.string(),
  on: z.string(),
  witnesses: z.string().nullable(),
  people: z.array(PersonRefSchema),
  recordedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  published: z.object({ unitId: z.number(), unitName: z.string(), at: z.string() }).nullable(),
  /** The reader may publish or unpublish it. */
  canPublish: z.boolean(),
});
export type Deed = z.infer<typeof DeedSchema>;
export const DeedPageSchema = pageOf(DeedSchema);
export const DeedListQuerySchema = PageQuerySchema;
export type DeedListQuery = z.infer<typeof DeedListQuerySchema>;
