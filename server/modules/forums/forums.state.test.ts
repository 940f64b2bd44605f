import { describe, expect, it } from 'vitest';
import { FORUM_ISSUE_STATES } from '../../../common/schemas/forum.js';
import { isSolved, nextState, refusal } from './forums.state.js';

describe('forum issue state machine', () => {
  const table = [
    ['open', 'resolveOnSpot', 'resolvedOnSpot'],
    ['open', 'assign', 'handling'],
    ['resolvedOnSpot', 'resolveOnSpot', null],
    ['resolvedOnSpot', 'assign', null],
    ['handling', 'resolveOnSpot', null],
    ['handling', 'assign', 'handling'],
  ] as const;

  it('covers every pair', () => {
    expect(table).toHaveLength(FORUM_ISSUE_STATES.length * 2);
  });

  it.each(table)('%s + %s → %s', (state, action, to) => {
    expect(nextState(state, action)).toBe(to);
  });

  it.each([
    ['open', null, false],
    ['resolvedOnSpot', null, true],
    ['handling', 'assigned', false],
    ['handling', 'answered', true],
    ['handling', 'rated', true],
    ['handling', 'closed', true],
  ] as const)('%s / handling %s → solved %s', (state, h, solved) => {
    expect(isSolved(state, h)).toBe(solved);
  });

  it('says why a step is refused', () => {
    expect(refusal('resolvedOnSpot', 'assign')).toBe('当前状态为“当场解决”，不能执行“交办”');
  });
});
