// Who is signed in and what they may do. The server enforces; the web only hides what it forbids.
import { useQuery } from '@tanstack/react-query';
import type { Permission } from '../common/permissions';
import type { Me } from '../common/schemas/auth';
import { api } from './api';

export const ME_KEY = ['me'] as const;

export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => api.get<{ data: Me }>('/auth/me').then((r) => r.data),
    staleTime: 60_000,
  });
}

/** The signed-in user; only call below the guard that has loaded it. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe called outside the signed-in area');
  return data;
}

export function can(me: Pick<Me, 'permissions'> | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return can(useMe(), permission);
}
