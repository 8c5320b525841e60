/** Calendar feeds: a secret iCalendar address of a cell's (or all your cells') meetings. */
import { z } from 'zod';

export const CalendarFeedSchema = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
