import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceView,
  DelegateView,
  MeetingView,
  MyMeetingView,
  TermView,
} from '../../../common/schemas/congress';
import type { MyPollView, PollResult, PollView } from '../../../common/schemas/poll';
import type { Paged } from '../../../common/schemas/shared';
import { api } from '../../api';

/** Every congress query starts with this key, so one invalidation refreshes the screens. */
export const CONGRESS_KEY = ['congress'] as const;
/** The sign-in board and the phone pages refresh on their own every few seconds. */
export const LIVE_MS = 3000;

export function useTerms() {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'terms'],
    queryFn: () => api.get<{ data: TermView[] }>('/congress/terms').then((r) => r.data),
  });
}

export function useTerm(id: string) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'terms', id],
    queryFn: () => api.get<{ data: TermView }>(`/congress/terms/${id}`).then((r) => r.data),
  });
}

export function useDelegates(termId: string) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'terms', termId, 'delegates'],
    queryFn: () =>
      api.get<{ data: DelegateView[] }>(`/congress/terms/${termId}/delegates`).then((r) => r.data),
  });
}

export function useMeetings() {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'meetings'],
    queryFn: () => api.get<Paged<MeetingView>>('/congress/meetings?pageSize=200').then((r) => r.data),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'meetings', id],
    queryFn: () => api.get<{ data: MeetingView }>(`/congress/meetings/${id}`).then((r) => r.data),
  });
}

export function useAttendance(meetingId: string) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'meetings', meetingId, 'attendance'],
    queryFn: () =>
      api.get<{ data: AttendanceView }>(`/congress/meetings/${meetingId}/attendance`).then((r) => r.data),
    refetchInterval: LIVE_MS,
  });
}

export function usePolls(meetingId: string) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'meetings', meetingId, 'polls'],
    queryFn: () => api.get<{ data: PollView[] }>(`/polls?meetingId=${meetingId}`).then((r) => r.data),
    refetchInterval: LIVE_MS,
  });
}

export function usePollResult(pollId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'polls', pollId, 'result'],
    queryFn: () => api.get<{ data: PollResult }>(`/polls/${pollId}/result`).then((r) => r.data),
    enabled,
  });
}

export function useMyMeeting(meetingId: string) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'meetings', meetingId, 'me'],
    queryFn: () => api.get<{ data: MyMeetingView }>(`/congress/meetings/${meetingId}/me`).then((r) => r.data),
    refetchInterval: LIVE_MS,
  });
}

export function useMyPolls(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: [...CONGRESS_KEY, 'meetings', meetingId, 'my-polls'],
    queryFn: () =>
      api.get<{ data: MyPollView[] }>(`/congress/meetings/${meetingId}/my-polls`).then((r) => r.data),
    refetchInterval: LIVE_MS,
    enabled,
  });
}

/** A write that refreshes every congress screen when it succeeds. */
export function useCongressMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: CONGRESS_KEY }),
  });
}
