/** The home pages: what the signed-in person has to do next. */
import { z } from 'zod';

/** The next meetings of the cells the signed-in person is on the roll of, soonest first. */
export const MyMeetingsSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      cellId: z.number(),
      cellName: z.string(),
      kind: z.string(),
      title: z.string().nullable(),
      startsAt: z.string(),
    }),
  ),
});
export type MyMeetings = z.infer<typeof MyMeetingsSchema>;

export const MyMeetingsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }).strict();
