/** Notifications: a member's in-app list and settings; webhooks and the sending state for administrators. */
import { z } from 'zod';
import { LIMITS } from '../enums.ts';
import { text } from './base.ts';

export const NOTIFICATION_LANGUAGES = ['en', 'ko'] as const;

export const NotificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  /** Translate `key` (under `notifications.kinds`) with `params`. */
  payload: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  /** How many are unread in all (the bell's figure). */
  unread: z.number(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(20),
    cursor: z.string().max(200).optional(),
    unreadOnly: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const MarkedSchema = z.object({ marked: z.number(), unread: z.number() });

export const NotificationSettingsSchema = z.object({
  emailOptOut: z.boolean(),
  /** The language of mail; null: the organization's. */
  language: z.enum(NOTIFICATION_LANGUAGES).nullable(),
  /** Where mail goes (the person's address), null when none is recorded. */
  email: z.string().nullable(),
  /** Whether this server sends mail at all (SMTP configured). */
  mailEnabled: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const UpdateNotificationSettingsSchema = z
  .object({ emailOptOut: z.boolean(), language: z.enum(NOTIFICATION_LANGUAGES).nullable().optional() })
  .strict();
export type UpdateNotificationSettings = z.infer<typeof UpdateNotificationSettingsSchema>;

const KIND = /^[a-z][a-z0-9_.-]*$/;
/** An http(s) URL with a host, at most 2,000 characters. */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');

export const WebhookEndpointSchema = z.object({
  id: z.number(),
  url: z.string(),
  description: z.string().nullable(),
  eventKinds: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
/** Only in the answer to creating an endpoint or replacing its secret: it is never shown again. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

const EventKindsSchema = z.array(z.string().max(100).regex(KIND, 'a kind is lower-case letters, digits and . _ -')).max(50);
const SecretSchema = z.string().min(16, 'at least 16 characters').max(200);

export const CreateWebhookSchema = z
  .object({
    url: WebhookUrlSchema,
    description: text(LIMITS.name).nullable().optional(),
    eventKinds: EventKindsSchema.default([]),
    enabled: z.boolean().default(true),
    /** Leave out to have the server generate one (returned once). */
    secret: SecretSchema.optional(),
  })
  .strict();
export type CreateWebhook = z.infer<typeof CreateWebhookSchema>;

export const UpdateWebhookSchema = z
  .object({
    url: WebhookUrlSchema.optional(),
    description: text(LIMITS.name).nullable().optional(),
    eventKinds: EventKindsSchema.optional(),
    enabled: z.boolean().optional(),
    /** A new secret of your own; or `rotateSecret` to have one generated (returned once). */
    secret: SecretSchema.optional(),
    rotateSecret: z.literal(true).optional(),
  })
  .strict();
export type UpdateWebhook = z.infer<typeof UpdateWebhookSchema>;

const ChannelStateSchema = z.object({
  queued: z.number(),
  sending: z.number(),
  sent: z.number(),
  failed: z.number(),
  /** The earliest moment something waiting is due again. */
  nextAttemptAt: z.string().nullable(),
  /** The most recent failures, newest first. */
  lastErrors: z.array(z.object({ id: z.number(), state: z.string(), attempts: z.number(), error: z.string(), at: z.string() })),
});
export const SendingStateSchema = z.object({
  mail: ChannelStateSchema.extend({ enabled: z.boolean() }),
  webhooks: ChannelStateSchema.extend({ endpoints: z.number() }),
});
export type SendingState = z.infer<typeof SendingStateSchema>;

export const RetryFailedSchema = z.object({ channel: z.enum(['mail', 'webhooks']) }).strict();
export const RetriedSchema = z.object({ requeued: z.number() });
