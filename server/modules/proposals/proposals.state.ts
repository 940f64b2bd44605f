import {
  PROPOSAL_ACTION_LABELS,
  PROPOSAL_STATE_LABELS,
  type ProposalAction,
  type ProposalState,
} from '../../../common/schemas/proposal.js';

// The life of a proposal as a table. The steps after "accepted" happen to the proposal's topic in
// the handling loop; the proposal mirrors them (the same table says which mirrored moves are valid).

export interface ProposalTransition {
  action: ProposalAction;
  from: readonly ProposalState[];
  to: ProposalState;
}

export const PROPOSAL_TRANSITIONS: readonly ProposalTransition[] = [
  { action: 'submit', from: ['draft'], to: 'awaitingCosigners' },
  { action: 'recall', from: ['awaitingCosigners'], to: 'draft' },
  { action: 'cosigned', from: ['awaitingCosigners'], to: 'submitted' },
  { action: 'accept', from: ['submitted'], to: 'accepted' },
  { action: 'notAccept', from: ['submitted'], to: 'notAccepted' },
  { action: 'merge', from: ['accepted'], to: 'accepted' },
  { action: 'assign', from: ['accepted'], to: 'assigned' },
  { action: 'answer', from: ['assigned'], to: 'answered' },
  // A rating that leaves the topic waiting for another proposer keeps the proposal "answered".
  { action: 'rate', from: ['answered'], to: 'rated' },
  { action: 'reopen', from: ['answered'], to: 'assigned' },
  { action: 'close', from: ['rated'], to: 'closed' },
];

export function proposalTransition(state: ProposalState, action: ProposalAction): ProposalTransition | null {
  return PROPOSAL_TRANSITIONS.find((t) => t.action === action && t.from.includes(state)) ?? null;
}

export function allowedProposalActions(state: ProposalState): ProposalAction[] {
  return PROPOSAL_TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action);
}

/** 当前状态为“草稿”，不能执行“立案” */
export function proposalRefusal(state: ProposalState, action: ProposalAction): string {
  return `当前状态为“${PROPOSAL_STATE_LABELS[state]}”，不能执行“${PROPOSAL_ACTION_LABELS[action]}”`;
}
