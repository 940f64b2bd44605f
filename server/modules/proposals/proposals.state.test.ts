import { describe, expect, it } from 'vitest';
import {
  PROPOSAL_STATES,
  type ProposalAction,
  type ProposalState,
} from '../../../common/schemas/proposal.js';
import { allowedProposalActions, proposalRefusal, proposalTransition } from './proposals.state.js';

// Every state with the steps it allows and where each leads; everything else is refused.
const EXPECTED: Record<ProposalState, Partial<Record<ProposalAction, ProposalState>>> = {
  draft: { submit: 'awaitingCosigners' },
  awaitingCosigners: { recall: 'draft', cosigned: 'submitted' },
  submitted: { accept: 'accepted', notAccept: 'notAccepted' },
  accepted: { merge: 'accepted', assign: 'assigned' },
  notAccepted: {},
  assigned: { answer: 'answered' },
  answered: { rate: 'rated', reopen: 'assigned' },
  rated: { close: 'closed' },
  closed: {},
};

const ACTIONS: ProposalAction[] = [
  'submit',
  'recall',
  'cosigned',
  'accept',
  'notAccept',
  'merge',
  'assign',
  'answer',
  'rate',
  'reopen',
  'close',
];

describe('proposal state table', () => {
  for (const state of PROPOSAL_STATES) {
    for (const action of ACTIONS) {
      const to = EXPECTED[state][action];
      it(`${state} --${action}--> ${to ?? '409'}`, () => {
        expect(proposalTransition(state, action)?.to ?? null).toBe(to ?? null);
      });
    }
    it(`${state} allows exactly ${Object.keys(EXPECTED[state]).join(', ') || 'nothing'}`, () => {
      expect(allowedProposalActions(state).sort()).toEqual(Object.keys(EXPECTED[state]).sort());
    });
  }

  it('explains a refusal in Chinese', () => {
    expect(proposalRefusal('draft', 'accept')).toBe('当前状态为“草稿”，不能执行“立案”');
  });
});
