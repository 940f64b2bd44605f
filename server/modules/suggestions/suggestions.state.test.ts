import { describe, expect, it } from 'vitest';
import { SUGGESTION_ACTIONS, SUGGESTION_STATES } from '../../../common/schemas/suggestion.js';
import { nextState, refusal, SUGGESTION_TRANSITIONS } from './suggestions.state.js';

describe('suggestion state machine', () => {
  const table = [
    ['submitted', 'adopt', 'adopted'],
    ['submitted', 'decline', 'declined'],
    ['adopted', 'adopt', null],
    ['adopted', 'decline', null],
    ['declined', 'adopt', null],
    ['declined', 'decline', null],
  ] as const;

  it('covers every pair', () => {
    expect(table).toHaveLength(SUGGESTION_STATES.length * SUGGESTION_ACTIONS.length);
  });

  it.each(table)('%s + %s → %s', (state, action, to) => {
    expect(nextState(state, action)).toBe(to);
  });

  it('declining needs a reason, adopting does not', () => {
    expect(SUGGESTION_TRANSITIONS.decline.reasonRequired).toBe(true);
    expect(SUGGESTION_TRANSITIONS.adopt.reasonRequired).toBe(false);
  });

  it('says why a step is refused', () => {
    expect(refusal('declined', 'adopt')).toBe('当前状态为“未采纳”，不能执行“采纳”');
  });
});
