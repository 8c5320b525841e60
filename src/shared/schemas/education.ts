/** Education (issue 12): programmes of themes, study sessions on themes, learning plans, enrolments in study while working. */
import { z } from 'zod';
import { DateSchema, IdSchema, text } from './base.ts';

export const EDUCATION_LIMITS = { themes: 50, planThemes: 30, materials: 20 } as const;
export const STUDY_FORMATS = ['collective', 'one_to_one'] as const;
export const STUDY_TIMINGS = ['before_work', 'during_work_review', 'standalone'] as const;
export const ENROLMENT_KINDS = ['evening', 'correspondence', 'online', 'on_the_job', 'other'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'withdrawn'] as const;

const optionalText = (max: number) => z.string().trim().max(max).nullish();
const ThemeIdsSchema = z.array(IdSchema).max(EDUCATION_LIMITS.planThemes);

/** A theme as written: its materials are study-library items and/or a link, its session plan a few fields. */
export const ThemeInputSchema = z
  .object({
    title: text(200),
    titleKo: optionalText(200),
    summary: optionalText(2000),
    materialUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullish(),
    itemIds: z.array(IdSchema).max(EDUCATION_LIMITS.materials).optional(),
    planMinutes: z.number().int().min(1).max(480).nullish(),
    planFormat: z.enum(STUDY_FORMATS).nullish(),
    planText: optionalText(2000),
  })
  .strict();
export type ThemeInput = z.infer<typeof ThemeInputSchema>;

export const CreateProgrammeSchema = z
  .object({
    title: text(200),
    titleKo: optionalText(200),
    description: optionalText(2000),
    themes: z.array(ThemeInputSchema).min(1).max(EDUCATION_LIMITS.themes),
  })
  .strict();
export type CreateProgramme = z.infer<typeof CreateProgrammeSchema>;

/** Edits a programme: its wording, new themes, changed themes (by id), and themes retired (never deleted once studied). */
export const UpdateProgrammeSchema = z
  .object({
    title: text(200).optional(),
    titleKo: optionalText(200),
    description: optionalText(2000),
    addThemes: z.array(ThemeInputSchema).max(EDUCATION_LIMITS.themes).optional(),
    updateThemes: z
      .array(ThemeInputSchema.partial().extend({ id: IdSchema }).strict())
      .max(EDUCATION_LIMITS.themes)
      .optional(),
    retireThemeIds: z.array(IdSchema).max(EDUCATION_LIMITS.themes).optional(),
  })
  .strict();
export type UpdateProgramme = z.infer<typeof UpdateProgrammeSchema>;

export const ThemeSchema = z.object({
  id: z.number(),
  programmeId: z.number(),
  title: z.string(),
  titleKo: z.string().nullable(),
  summary: z.string().nullable(),
  materialUrl: z.string().nullable(),
  items: z.array(z.object({ id: z.number(), title: z.string() })),
  planMinutes: z.number().nullable(),
  planFormat: z.enum(STUDY_FORMATS).nullable(),
  planText: z.string().nullable(),
  retired: z.boolean(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const ProgrammeSchema = z.object({
  id: z.number(),
  title: z.string(),
  titleKo: z.string().nullable(),
  description: z.string().nullable(),
  themes: z.array(ThemeSchema),
});
export type Programme = z.infer<typeof ProgrammeSchema>;
export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeSchema) });

/** The themes of a study meeting and how it is held (also accepted by `POST /cells/{id}/meetings`). */
export const MeetingThemesSchema = z.object({
  themes: z.array(z.object({ id: z.number(), title: z.string(), titleKo: z.string().nullable() })),
  format: z.enum(STUDY_FORMATS).nullable(),
  timing: z.enum(STUDY_TIMINGS).nullable(),
});
/** The study-session fields a meeting's creation may carry. */
export const StudySessionFieldsSchema = z.object({
  themeIds: ThemeIdsSchema.optional(),
  format: z.enum(STUDY_FORMATS).optional(),
  timing: z.enum(STUDY_TIMINGS).optional(),
});
export const SetMeetingThemesSchema = StudySessionFieldsSchema.extend({ themeIds: ThemeIdsSchema }).strict();
export type SetMeetingThemes = z.infer<typeof SetMeetingThemesSchema>;

export const SetLearningPlanSchema = z.object({ themeIds: ThemeIdsSchema }).strict();
export type SetLearningPlan = z.infer<typeof SetLearningPlanSchema>;

export const LearningPlanSchema = z.object({
  personId: z.number(),
  /** When the plan was last set or reviewed, and whether that is within the last 12 months. */
  setAt: z.string().nullable(),
  current: z.boolean(),
  themes: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      titleKo: z.string().nullable(),
      programme: z.object({ id: z.number(), title: z.string(), titleKo: z.string().nullable() }),
      completed: z.boolean(),
      completedOn: z.string().nullable(),
      retired: z.boolean(),
    }),
  ),
  history: z.array(z.object({ setAt: z.string(), setBy: z.string().nullable(), themeIds: z.array(z.number()) })).optional(),
});
export type LearningPlan = z.infer<typeof LearningPlanSchema>;

const enrolmentFields = {
  course: text(200),
  institution: text(200),
  kind: z.enum(ENROLMENT_KINDS),
  startsOn: DateSchema,
  expectedEndOn: DateSchema.nullish(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
};
export const CreateEnrolmentSchema = z.object(enrolmentFields).strict();
export type CreateEnrolment = z.infer<typeof CreateEnrolmentSchema>;
export const UpdateEnrolmentSchema = z
  .object({ ...enrolmentFields, course: enrolmentFields.course.optional() })
  .partial()
  .strict();
export type UpdateEnrolment = z.infer<typeof UpdateEnrolmentSchema>;

export const EnrolmentSchema = z.object({
  id: z.number(),
  personId: z.number(),
  course: z.string(),
  institution: z.string(),
  kind: z.enum(ENROLMENT_KINDS),
  startsOn: z.string(),
  expectedEndOn: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUSES),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;
export const EnrolmentListSchema = z.object({ items: z.array(EnrolmentSchema) });

export const EducationQuerySchema = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM') }).strict();

/** A committee's education counts over its subtree for a month. */
export const EducationCountsSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  enrolments: z.array(z.object({ kind: z.enum(ENROLMENT_KINDS), status: z.enum(ENROLMENT_STATUSES), members: z.number() })),
  educationSessions: z.number(),
  technicalSessions: z.number(),
  technicalAttendance: z.object({ present: z.number(), expected: z.number() }),
  learningPlans: z.object({ current: z.number(), members: z.number() }),
  themesCompleted: z.number(),
});
export type EducationCounts = z.infer<typeof EducationCountsSchema>;
