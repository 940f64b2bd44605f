import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { HandlingDetailView, HandlingItemView } from '../../../common/schemas/handling';
import type {
  ProposalEventView,
  ProposalListItem,
  ProposalView,
  ProposalWindowView,
  SimilarProposalView,
  TopicView,
} from '../../../common/schemas/proposal';
import type { Paged } from '../../../common/schemas/shared';
import { ApiError, api, queryString } from '../../api';

/** Every proposal and handling query starts with this key, so one invalidation refreshes all screens. */
export const PROPOSALS_KEY = ['proposals'] as const;

export function useProposals(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'list', query],
    queryFn: () => api.get<Paged<ProposalListItem>>(`/proposals${queryString(query)}`),
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'detail', id],
    queryFn: () => api.get<{ data: ProposalView }>(`/proposals/${id}`).then((r) => r.data),
  });
}

export function useProposalHistory(id: string) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'detail', id, 'history'],
    queryFn: () => api.get<{ data: ProposalEventView[] }>(`/proposals/${id}/history`).then((r) => r.data),
  });
}

export function useSimilar(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'detail', id, 'similar'],
    queryFn: () => api.get<{ data: SimilarProposalView[] }>(`/proposals/${id}/similar`).then((r) => r.data),
    enabled,
  });
}

export function useCosignRequests(enabled: boolean) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'cosign-requests'],
    queryFn: () => api.get<{ data: ProposalListItem[] }>('/proposals/cosign-requests').then((r) => r.data),
    enabled,
  });
}

export function useWindow(meetingId: string | undefined) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'window', meetingId],
    queryFn: () =>
      api.get<{ data: ProposalWindowView | null }>(`/proposal-windows/${meetingId}`).then((r) => r.data),
    enabled: !!meetingId,
  });
}

export function useTopics(meetingId: string | undefined) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'topics', meetingId],
    queryFn: () =>
      api.get<{ data: TopicView[] }>(`/proposal-topics?meetingId=${meetingId}`).then((r) => r.data),
    enabled: !!meetingId,
  });
}

export function useTopic(id: string) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'topics', 'detail', id],
    queryFn: () => api.get<{ data: TopicView }>(`/proposal-topics/${id}`).then((r) => r.data),
  });
}

export function useInbox(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'inbox', query],
    queryFn: () => api.get<Paged<HandlingItemView>>(`/handling/items${queryString(query)}`),
  });
}

export function useHandlingItem(id: string | undefined) {
  return useQuery({
    queryKey: [...PROPOSALS_KEY, 'inbox', 'detail', id],
    queryFn: () => api.get<{ data: HandlingDetailView }>(`/handling/items/${id}`).then((r) => r.data),
    enabled: !!id,
  });
}

/** A workflow step: on success refresh every proposal screen and say so; on failure show the server's reason. */
export function useStep<T>(run: (arg: T) => Promise<unknown>, done = '操作成功') {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      message.success(done);
      return client.invalidateQueries({ queryKey: PROPOSALS_KEY });
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : '操作失败，请稍后再试'),
  });
}

/** Refreshes every proposal screen (after a form dialog saved through its own request). */
export function useRefreshProposals() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: PROPOSALS_KEY });
}
