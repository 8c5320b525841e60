/** The home pages: what the signed-in person has to do next. */
import { z } from 'zod';
import { MyAssignmentsSchema } from './assignments.ts';
import { InboxSchema } from './directives.ts';
import { MyActionsSchema } from './meetings.ts';
import { LearningPlanSchema } from './education.ts';
import { MentorshipSchema, YouthGroupSchema } from './mentorships.ts';

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

/**
 * A member's home page in one request (issue 12): open assignments, next meetings, open follow-up
 * actions they own, directives still to acknowledge, their learning plan, their active mentorships and
 * the youth groups they work with.
 */
export const MyHomeSchema = z.object({
  assignments: MyAssignmentsSchema.shape.items,
  nextMeetings: MyMeetingsSchema.shape.items,
  actions: MyActionsSchema.shape.items,
  directivesToAcknowledge: InboxSchema.shape.items,
  learningPlan: LearningPlanSchema,
  /** The member's active mentorships, as mentor or mentee (issue 13). */
  mentorships: z.array(MentorshipSchema),
  /** The open youth groups the member is assigned to, with their young people (issue 13). */
  youthGroups: z.array(YouthGroupSchema),
});
export type MyHome = z.infer<typeof MyHomeSchema>;
