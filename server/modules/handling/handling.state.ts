import type { HandlingState } from '../../../common/schemas/handling.js';
import { HANDLING_ACTION_LABELS, HANDLING_STATE_LABELS } from '../../../common/schemas/handling.js';

// The handling loop as a table: which step may be taken from which state. `rate` may lead to
// "answered" (waiting for other raters), "rated" or back to "assigned" (the one reopen); the
// service picks the target, the table says only where the step may start.

export type HandlingAction = 'assign' | 'reassign' | 'respond' | 'answer' | 'rate' | 'close';

export const HANDLING_TRANSITIONS: Record<HandlingAction, readonly (HandlingState | null)[]> = {
  assign: [null],
  reassign: ['assigned'],
  respond: ['assigned'],
  answer: ['assigned'],
  rate: ['answered'],
  close: ['rated'],
};

/** How many times a dissatisfied rating may send the item back to the department. */
export const MAX_REOPENS = 1;

export function mayTake(state: HandlingState | null, action: HandlingAction): boolean {
  return HANDLING_TRANSITIONS[action].includes(state);
}

/** 当前办理状态为“已答复”，不能执行“交办” */
export function handlingRefusal(state: HandlingState | null, action: HandlingAction): string {
  if (state === null) return `尚未交办，不能执行“${HANDLING_ACTION_LABELS[action]}”`;
  return `当前办理状态为“${HANDLING_STATE_LABELS[state]}”，不能执行“${HANDLING_ACTION_LABELS[action]}”`;
}
