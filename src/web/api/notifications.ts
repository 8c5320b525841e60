/** Notifications: the bell's list and count, the member's mail settings, webhooks and the sending state. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateWebhookSchema,
  NotificationPage,
  NotificationSettings,
  SendingState,
  UpdateNotificationSettings,
  UpdateWebhookSchema,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../shared/schemas/notifications.ts';
import { api } from './client.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  settings: ['notifications', 'settings'] as const,
  webhooks: ['notifications', 'webhooks'] as const,
  sending: ['notifications', 'sending'] as const,
};

/** The newest notifications (unread first), refreshed every minute so the bell's count moves on its own. */
export function useNotifications(limit = 10) {
  return useQuery({
    queryKey: [...notificationKeys.list(false), limit],
    queryFn: () => api.get<NotificationPage>('/api/v1/me/notifications', { limit }),
    refetchInterval: 60_000,
  });
}

export function useAllNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(false),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<NotificationPage>('/api/v1/me/notifications', { limit: 50, cursor: pageParam }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useNotificationMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export const useMarkRead = () => useNotificationMutation((id: number) => api.post(`/api/v1/me/notifications/${id}/read`));
export const useMarkAllRead = () => useNotificationMutation(() => api.post('/api/v1/me/notifications/read-all'));

export function useNotificationSettings(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: () => api.get<NotificationSettings>('/api/v1/me/notification-settings'),
    enabled,
  });
}

export const useUpdateNotificationSettings = () =>
  useNotificationMutation((body: UpdateNotificationSettings) => api.put<NotificationSettings>('/api/v1/me/notification-settings', body));

export function useWebhooks() {
  return useQuery({ queryKey: notificationKeys.webhooks, queryFn: () => api.get<{ items: WebhookEndpoint[] }>('/api/v1/webhooks') });
}

export function useSendingState() {
  return useQuery({
    queryKey: notificationKeys.sending,
    queryFn: () => api.get<SendingState>('/api/v1/notifications/sending'),
    refetchInterval: 15_000,
  });
}

export const useCreateWebhook = () =>
  useNotificationMutation((body: z.input<typeof CreateWebhookSchema>) => api.post<WebhookEndpointWithSecret>('/api/v1/webhooks', body));

export const useUpdateWebhook = () =>
  useNotificationMutation(({ id, ...body }: z.input<typeof UpdateWebhookSchema> & { id: number }) =>
    api.patch<WebhookEndpoint | WebhookEndpointWithSecret>(`/api/v1/webhooks/${id}`, body),
  );

export const useDeleteWebhook = () => useNotificationMutation((id: number) => api.delete(`/api/v1/webhooks/${id}`));

export const useRetryFailed = () =>
  useNotificationMutation((channel: 'mail' | 'webhooks') =>
    api.post<{ requeued: number }>('/api/v1/notifications/sending/retry', { channel }),
  );
