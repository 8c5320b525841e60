import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import {
  CreateWebhookSchema,
  RetriedSchema,
  RetryFailedSchema,
  MarkedSchema,
  NotificationPageSchema,
  NotificationQuerySchema,
  NotificationSettingsSchema,
  SendingStateSchema,
  UpdateNotificationSettingsSchema,
  UpdateWebhookSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from '../../../shared/schemas/notifications.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as mine from './queries.ts';
import * as webhooks from './webhooks.ts';

const tags = ['notifications'];

export const notificationRoutes: RouteModule = (app, ctx) => {
  const { db, config } = ctx;
  app.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, unread first then newest first, with the unread count',
        querystring: NotificationQuerySchema,
        response: { 200: NotificationPageSchema, ...errorResponses },
      },
    },
    async (req) => mine.listNotifications(db, requireActor(req).personId, req.query),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: IdParamsSchema,
        response: { 200: MarkedSchema, ...errorResponses },
      },
    },
    async (req) => mine.markRead(db, requireActor(req).personId, req.params.id),
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    { schema: { tags, summary: 'Mark all your notifications read', response: { 200: MarkedSchema, ...errorResponses } } },
    async (req) => mine.markAllRead(db, requireActor(req).personId),
  );

  app.get(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Whether you get notifications by e-mail, and in which language',
        response: { 200: NotificationSettingsSchema, ...errorResponses },
      },
    },
    async (req) => mine.readSettings(db, requireActor(req).personId, config),
  );

  app.put(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Opt out of (or back into) notification e-mail; choose its language',
        body: UpdateNotificationSettingsSchema,
        response: { 200: NotificationSettingsSchema, ...errorResponses },
      },
    },
    async (req) => mine.updateSettings(db, requireActor(req).personId, req.body, config),
  );

  app.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Outgoing webhook endpoints (administrators)',
        response: { 200: z.object({ items: z.array(WebhookEndpointSchema) }), ...errorResponses },
      },
    },
    async (req) => webhooks.listWebhooks(db, requireActor(req)),
  );

  app.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a webhook endpoint; the answer carries its signing secret, shown only this once',
        body: CreateWebhookSchema,
        response: { 201: WebhookEndpointWithSecretSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await webhooks.createWebhook(db, requireActor(req), req.body, config.notifications)),
  );

  app.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook endpoint; with rotateSecret the answer carries the new secret',
        params: IdParamsSchema,
        body: UpdateWebhookSchema,
        response: { 200: z.union([WebhookEndpointWithSecretSchema, WebhookEndpointSchema]), ...errorResponses },
      },
    },
    async (req) => webhooks.updateWebhook(db, requireActor(req), req.params.id, req.body, config.notifications),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Remove a webhook endpoint and its deliveries',
        params: IdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await webhooks.deleteWebhook(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/notifications/sending',
    {
      schema: {
        tags,
        summary: 'Mail and webhook sending state: queued, sent, failed, the last errors (administrators)',
        response: { 200: SendingStateSchema, ...errorResponses },
      },
    },
    async (req) => webhooks.readSendingState(db, requireActor(req), config),
  );

  app.post(
    '/api/v1/notifications/sending/retry',
    {
      schema: {
        tags,
        summary: 'Queue every failed e-mail (or webhook delivery) again, with fresh attempts (administrators)',
        body: RetryFailedSchema,
        response: { 200: RetriedSchema, ...errorResponses },
      },
    },
    async (req) => webhooks.retryFailed(db, requireActor(req), ctx.jobs?.boss, req.body.channel),
  );
};
