import { useQuery } from '@tanstack/react-query';
import type { DisclosureSettings } from '../../../common/schemas/disclosure';
import { api } from '../../api';

export const DISCLOSURES_KEY = ['disclosures'] as const;

/** The union's category and channel lists (with their labels). */
export function useDisclosureSettings() {
  return useQuery({
    queryKey: [...DISCLOSURES_KEY, 'settings'],
    queryFn: () => api.get<{ data: DisclosureSettings }>('/disclosures/settings').then((r) => r.data),
    staleTime: 60_000,
  });
}

export const toOptions = (list: { code: string; label: string }[] | undefined) =>
  (list ?? []).map((o) => ({ value: o.code, label: o.label }));
