import { describe, expect, it } from 'vitest';
import { DISCLOSURE_ACTIONS, DISCLOSURE_STATES } from '../../../common/schemas/disclosure.js';
import { allowedActions, editable, nextState, refusal } from './disclosures.state.js';

describe('disclosure state machine', () => {
  // Every (state, action) pair: where it leads, or null when refused.
  const table = [
    ['draft', 'publish', 'published'],
    ['draft', 'withdraw', null],
    ['published', 'publish', null],
    ['published', 'withdraw', 'withdrawn'],
    ['withdrawn', 'publish', null],
    ['withdrawn', 'withdraw', null],
  ] as const;

  it('covers every pair', () => {
    expect(table).toHaveLength(DISCLOSURE_STATES.length * DISCLOSURE_ACTIONS.length);
  });

  it.each(table)('%s + %s → %s', (state, action, to) => {
    expect(nextState(state, action)).toBe(to);
    expect(allowedActions(state).includes(action)).toBe(to !== null);
  });

  it.each([
    ['draft', true],
    ['published', false],
    ['withdrawn', false],
  ] as const)('%s editable: %s', (state, yes) => {
    expect(editable(state)).toBe(yes);
  });

  it('says in Chinese why a step is refused', () => {
    expect(refusal('withdrawn', 'publish')).toBe('当前状态为“已撤回”，不能执行“公开”');
    expect(refusal('published', 'edit')).toBe('当前状态为“已公开”，不能执行“修改”');
  });
});
