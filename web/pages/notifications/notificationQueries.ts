// The bell's data: the unread count (refreshed every 30 s) and the newest notifications.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../../common/schemas/notification';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () =>
      api.get<{ data: { count: number } }>('/notifications/unread-count').then((r) => r.data.count),
    refetchInterval: 30_000,
  });
}

export function useNotifications(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', page, pageSize],
    queryFn: () => api.get<Paged<NotificationView>>(`/notifications${queryString({ page, pageSize })}`),
    enabled,
  });
}

/** Marks one read (or all, without an id) and refreshes the badge and the lists. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      id ? api.post(`/notifications/${id}/read`) : api.post('/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
