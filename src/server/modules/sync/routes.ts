/** Offline use (issue 16): the sync of a device's outbox, the offline pack, and the paper roll (sheet and CSV). */
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import { OfflinePackSchema, SYNC_MAX_BYTES, SyncRequestSchema, SyncResponseSchema } from '../../../shared/schemas/sync.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { ErrorSchema } from '../../../shared/schemas/base.ts';
import { getOfflinePack } from './pack.ts';
import { syncBatch } from './service.ts';

const tags = ['sync'];

export const syncRoutes: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/v1/sync',
    {
      bodyLimit: SYNC_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Apply a device's outbox: each operation once, in order, in its own transaction; a replay answers duplicate (at most 500 operations, 4 MB)",
        body: SyncRequestSchema,
        response: { 200: SyncResponseSchema, 413: ErrorSchema, ...errorResponses },
      },
    },
    async (req) => ({ results: await syncBatch(db, requireActor(req), req.body.operations, config.timeZone) }),
  );

  app.get(
    '/api/v1/cells/:id/offline-pack',
    {
      schema: {
        tags,
        summary: "What a device keeps to record the cell's meetings offline: roll (names and ids), kinds, quorum, next meetings",
        params: IdParamsSchema,
        response: { 200: OfflinePackSchema, ...errorResponses },
      },
    },
    async (req) => getOfflinePack(db, requireActor(req), req.params.id),
  );
};
