import { describe, expect, it } from 'vitest';
import { HANDLING_STATES, type HandlingState } from '../../../common/schemas/handling.js';
import { type HandlingAction, handlingRefusal, mayTake } from './handling.state.js';

// Every (state, action) pair: allowed exactly where the table says.
const ALLOWED: Record<HandlingAction, (HandlingState | null)[]> = {
  assign: [null],
  reassign: ['assigned'],
  respond: ['assigned'],
  answer: ['assigned'],
  rate: ['answered'],
  close: ['rated'],
};

describe('handling state table', () => {
  const states: (HandlingState | null)[] = [null, ...HANDLING_STATES];
  for (const [action, allowed] of Object.entries(ALLOWED) as [HandlingAction, (HandlingState | null)[]][]) {
    for (const state of states) {
      it(`${action} from ${state ?? 'unassigned'}: ${allowed.includes(state) ? 'allowed' : 'refused'}`, () => {
        expect(mayTake(state, action)).toBe(allowed.includes(state));
      });
    }
  }

  it('says why in Chinese', () => {
    expect(handlingRefusal('answered', 'answer')).toBe('当前办理状态为“已答复”，不能执行“答复”');
    expect(handlingRefusal(null, 'rate')).toBe('尚未交办，不能执行“评价”');
  });
});
