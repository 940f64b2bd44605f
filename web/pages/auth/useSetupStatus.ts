import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup-status'],
    queryFn: () => api.get<{ needed: boolean }>('/setup/status'),
  });
}
