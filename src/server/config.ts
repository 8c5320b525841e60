/** Environment -> typed, validated configuration. The only place that reads process.env. */
import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  CELLWORK_DATA_DIR: z.string().default('./data'),
  CELLWORK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CELLWORK_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  CELLWORK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 8),
  CELLWORK_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 14),
  CELLWORK_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  CELLWORK_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  CELLWORK_TIME_ZONE: z.string().default('UTC').refine(isTimeZone, 'not a known IANA time zone, e.g. Asia/Seoul'),
  CELLWORK_LANGUAGE: z.enum(['en', 'ko']).default('en'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/./, 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  CELLWORK_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/./, 'an http(s) URL, e.g. https://cellwork.example.org')
    .optional(),
  CELLWORK_MAIL_BATCH: z.coerce.number().int().min(1).max(10_000).default(200),
  CELLWORK_NOTIFY_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  CELLWORK_NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  CELLWORK_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  CELLWORK_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  CELLWORK_FANOUT_BATCH_CELLS: z.coerce.number().int().min(1).max(100_000).default(500),
  CELLWORK_FANOUT_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  CELLWORK_ROLLUP_FOLD_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  CELLWORK_FEEDBACK_KEY: z.string().min(32, 'at least 32 characters of random text').optional(),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type Config = {
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded server is run under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['CELLWORK_LOG_LEVEL'];
  secureCookies: 'auto' | 'always' | 'never';
  sessionIdleMs: number;
  sessionMaxMs: number;
  trustProxy: boolean;
  poolSize: number;
  /** The organization's time zone: a meeting's calendar day (and so its month) is taken in it. */
  timeZone: string;
  /** The organization's language: mail to people who chose none is written in it. */
  language: 'en' | 'ko';
  notifications: NotificationsConfig;
  /** A directive's fan-out writes this many cells' deliveries per transaction (decision 0016). */
  fanOutBatchCells: number;
  /** A pause between fan-out batches, to leave room for interactive work (0: none). */
  fanOutPauseMs: number;
  /** How often the roll-up folder adds queued differences to the committees' figures (decision 0022). */
  rollupFoldMs: number;
  /**
   * The key of anonymous feedback's author hashes (decision 0021); when unset, one is generated once
   * into `<dataDir>/feedback.key`. Several servers on one database must share it.
   */
  feedbackKey: string | null;
  webDir: string;
};

export type NotificationsConfig = {
  /** SMTP transport (nodemailer URL) and sender; mail is off when either is unset. */
  mail: { url: string; from: string } | null;
  /** The web app's address, for links in mail (`https://cellwork.example.org`); without it mail carries no link. */
  publicUrl: string | null;
  /** Messages one mail job sends before it hands over to the next. */
  mailBatch: number;
  /** The first retry waits this long, each next one twice as long (capped at an hour). */
  retrySeconds: number;
  /** After this many attempts a message or webhook delivery is marked failed. */
  maxAttempts: number;
  /** A webhook endpoint that has not answered in this long is tried again later. */
  webhookTimeoutMs: number;
  /** Webhooks may target loopback/private/link-local addresses (off by default: SSRF guard, decision 0018). */
  webhookAllowPrivate: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CELLWORK_DATA_DIR),
    logLevel: e.CELLWORK_LOG_LEVEL,
    secureCookies: e.CELLWORK_SECURE_COOKIES === 'true' ? 'always' : e.CELLWORK_SECURE_COOKIES === 'false' ? 'never' : 'auto',
    sessionIdleMs: e.CELLWORK_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.CELLWORK_SESSION_MAX_HOURS * 3_600_000,
    trustProxy: e.CELLWORK_TRUST_PROXY === 'true',
    poolSize: e.CELLWORK_DB_POOL_SIZE,
    timeZone: e.CELLWORK_TIME_ZONE,
    language: e.CELLWORK_LANGUAGE,
    notifications: {
      mail: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
      publicUrl: e.CELLWORK_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
      mailBatch: e.CELLWORK_MAIL_BATCH,
      retrySeconds: e.CELLWORK_NOTIFY_RETRY_SECONDS,
      maxAttempts: e.CELLWORK_NOTIFY_MAX_ATTEMPTS,
      webhookTimeoutMs: e.CELLWORK_WEBHOOK_TIMEOUT_SECONDS * 1000,
      webhookAllowPrivate: e.CELLWORK_WEBHOOK_ALLOW_PRIVATE === 'true',
    },
    fanOutBatchCells: e.CELLWORK_FANOUT_BATCH_CELLS,
    fanOutPauseMs: e.CELLWORK_FANOUT_PAUSE_MS,
    rollupFoldMs: e.CELLWORK_ROLLUP_FOLD_MS,
    feedbackKey: e.CELLWORK_FEEDBACK_KEY ?? null,
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
  };
}
