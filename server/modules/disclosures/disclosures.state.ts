import {
  DISCLOSURE_ACTION_LABELS,
  DISCLOSURE_STATE_LABELS,
  type DisclosureAction,
  type DisclosureState,
} from '../../../common/schemas/disclosure.js';

// draft → published → withdrawn. Only a draft may be edited or get attachments: what was made
// public stays as it was, and a withdrawn item stays on record with its reason.

export const DISCLOSURE_TRANSITIONS: Record<
  DisclosureAction,
  { from: DisclosureState; to: DisclosureState }
> = {
  publish: { from: 'draft', to: 'published' },
  withdraw: { from: 'published', to: 'withdrawn' },
};

export function nextState(state: DisclosureState, action: DisclosureAction): DisclosureState | null {
  const t = DISCLOSURE_TRANSITIONS[action];
  return t.from === state ? t.to : null;
}

export function allowedActions(state: DisclosureState): DisclosureAction[] {
  return (Object.keys(DISCLOSURE_TRANSITIONS) as DisclosureAction[]).filter((a) => nextState(state, a));
}

export const editable = (state: DisclosureState) => state === 'draft';

/** 当前状态为“已撤回”，不能执行“公开” */
export function refusal(state: DisclosureState, action: DisclosureAction | 'edit'): string {
  const label = action === 'edit' ? '修改' : DISCLOSURE_ACTION_LABELS[action];
  return `当前状态为“${DISCLOSURE_STATE_LABELS[state]}”，不能执行“${label}”`;
}
