import { useQuery } from '@tanstack/react-query';
import type { MembershipEventView, MemberView } from '../../../common/schemas/member';
import { api } from '../../api';

/** Every member query starts with this key, so one invalidation refreshes lists, details and stats. */
export const MEMBERS_KEY = ['members'] as const;

export function useMember(id: string) {
  return useQuery({
    queryKey: [...MEMBERS_KEY, 'detail', id],
    queryFn: () => api.get<{ data: MemberView }>(`/members/${id}`).then((r) => r.data),
  });
}

export function useMemberHistory(id: string) {
  return useQuery({
    queryKey: [...MEMBERS_KEY, 'detail', id, 'history'],
    queryFn: () => api.get<{ data: MembershipEventView[] }>(`/members/${id}/history`).then((r) => r.data),
  });
}
