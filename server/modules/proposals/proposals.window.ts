import type { ProposalWindowInput, ProposalWindowView } from '../../../common/schemas/proposal.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid } from '../../lib/errors.js';
import { congressService } from '../congress/congress.service.js';
import type { OrgActor } from '../members/members.service.js';
import { proposalsRepository as repo } from './proposals.repository.js';

// The submission window (提案征集期) of a meeting: its dates, the co-signers it needs, its categories.

export async function windowOf(exec: Executor, orgId: string, meetingId: string, lock = false) {
  const w = await repo.findWindow(exec, orgId, meetingId, lock);
  if (!w) throw conflict('CONFLICT', '本次会议尚未开放提案征集');
  return w;
}

export function checkOpen(w: { opensOn: string; closesOn: string }) {
  const day = today();
  if (day < w.opensOn || day > w.closesOn) {
    throw conflict('CONFLICT', `不在提案征集期内（${w.opensOn} 至 ${w.closesOn}）`);
  }
}

export const proposalWindowService = {
  async get(deps: Deps, auth: AuthContext, meetingId: string): Promise<ProposalWindowView | null> {
    const meeting = await congressService.getMeeting(deps.db, auth.orgId, meetingId);
    const w = await repo.findWindow(deps.db, auth.orgId, meetingId);
    if (!w) return null;
    const day = today();
    return {
      meetingId,
      meetingTitle: meeting.title,
      opensOn: w.opensOn,
      closesOn: w.closesOn,
      minCosigners: w.minCosigners,
      categories: w.categories,
      open: day >= w.opensOn && day <= w.closesOn,
      version: w.version,
    };
  },

  async set(deps: Deps, auth: AuthContext, actor: OrgActor, meetingId: string, input: ProposalWindowInput) {
    await deps.db.transaction(async (tx) => {
      await congressService.getMeeting(tx, auth.orgId, meetingId);
      const values = {
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        minCosigners: input.minCosigners,
        categories: input.categories,
      };
      const w = await repo.findWindow(tx, auth.orgId, meetingId, true);
      if (!w) {
        await repo.insertWindow(tx, { ...values, orgId: auth.orgId, meetingId });
      } else {
        if (input.version === undefined) throw invalid([{ path: 'version', message: '请提供版本号' }]);
        if (!(await repo.updateWindow(tx, auth.orgId, w.id, input.version, values)))
          throw conflict('STALE_VERSION');
      }
      await writeAudit(tx, actor, {
        action: 'proposal.window',
        objectType: 'congressMeeting',
        objectId: meetingId,
        detail: values,
      });
    });
    return proposalWindowService.get(deps, auth, meetingId);
  },
};
