import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Paged } from '../../../common/schemas/shared';
import type { UserView } from '../../../common/schemas/user';
import { api, queryString } from '../../api';

export const USERS_KEY = ['users'] as const;

export function useUsers(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: () => api.get<Paged<UserView>>(`/users${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}
