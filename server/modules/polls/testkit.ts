import type { Client } from '../../test/helpers.js';
import { type Congress, ok } from '../congress/testkit.js';

// Poll helpers for tests: create, open, close, vote.

export const motion = (meetingId: string, extra: Record<string, unknown> = {}) => ({
  meetingId,
  title: '院长工作报告',
  subject: 'report',
  secret: true,
  mode: 'electronic',
  ...extra,
});

export async function createPoll(c: Congress, body: Record<string, unknown>) {
  return ok(c.officer.post('/api/polls', body), 201);
}

export function setStatus(c: Congress, pollId: string, action: 'open' | 'close') {
  return c.officer.post(`/api/polls/${pollId}/status`, { action });
}

export const vote = (voter: Client, pollId: string, body: Record<string, unknown>) =>
  voter.post(`/api/polls/${pollId}/vote`, body);
