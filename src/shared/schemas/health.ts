/** The liveness probe (`GET /health`). */
import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ mode: z.enum(['embedded', 'external']), version: z.string() }),
});
