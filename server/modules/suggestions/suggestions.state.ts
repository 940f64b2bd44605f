import {
  SUGGESTION_ACTION_LABELS,
  SUGGESTION_STATE_LABELS,
  type SuggestionAction,
  type SuggestionState,
} from '../../../common/schemas/suggestion.js';

// The committee's decision on a suggestion. What happens after adoption (assign → answer → rate →
// close) is the shared handling loop's state, kept in handling_items.

export const SUGGESTION_TRANSITIONS: Record<
  SuggestionAction,
  { from: SuggestionState; to: SuggestionState; reasonRequired: boolean }
> = {
  adopt: { from: 'submitted', to: 'adopted', reasonRequired: false },
  decline: { from: 'submitted', to: 'declined', reasonRequired: true },
};

export function nextState(state: SuggestionState, action: SuggestionAction): SuggestionState | null {
  const t = SUGGESTION_TRANSITIONS[action];
  return t.from === state ? t.to : null;
}

/** 当前状态为“已采纳”，不能执行“不予采纳” */
export function refusal(state: SuggestionState, action: SuggestionAction | string): string {
  const label = SUGGESTION_ACTION_LABELS[action as SuggestionAction] ?? action;
  return `当前状态为“${SUGGESTION_STATE_LABELS[state]}”，不能执行“${label}”`;
}
