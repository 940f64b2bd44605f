import type { MembershipStatus } from '../../../common/enums.js';
import type { MembershipChange } from '../../../common/schemas/member.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid } from '../../lib/errors.js';
import { membersRepository as repo } from './members.repository.js';
import {
  accessOf,
  duplicateMemberNo,
  guardUnique,
  inMemberTransaction,
  loadForChange,
  type OrgActor,
  reload,
} from './members.service.js';
import { transitionFor, transitionRefusal } from './members.state.js';

const REASON_REQUIRED: Record<string, string> = {
  reject: '请填写不予批准的原因',
  leave: '请填写退会原因',
};

/**
 * One step of the membership state machine (members.state.ts): checks the step is allowed from the
 * current state, applies it, and records a history row and an audit row in one transaction.
 */
export async function changeMembership(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  id: string,
  input: MembershipChange,
) {
  return guardUnique(() =>
    inMemberTransaction(deps, auth.orgId, async (tx) => {
      const access = await accessOf(tx, auth);
      const row = await loadForChange(tx, auth.orgId, access, id, input.version);
      const from = row.status as MembershipStatus;
      const step = transitionFor(from, input.action);
      if (!step) throw conflict('INVALID_TRANSITION', transitionRefusal(from, input.action));
      if (step.reasonRequired && !input.reason) {
        throw invalid([{ path: 'reason', message: REASON_REQUIRED[input.action] ?? '请填写原因' }]);
      }
      if (input.memberNo && !step.grantsMembership) {
        throw invalid([{ path: 'memberNo', message: '只有批准入会或转入时才能填写会员证号' }]);
      }
      if (input.date < row.birthDate) {
        throw invalid([{ path: 'date', message: '变动日期不能早于出生日期' }]);
      }
      const values: { status: MembershipStatus; joinedAt?: string; memberNo?: string } = { status: step.to };
      if (step.grantsMembership) {
        values.joinedAt = row.joinedAt ?? input.date;
        if (input.memberNo && input.memberNo !== row.memberNo) {
          const [other] = (await repo.findByMemberNos(tx, auth.orgId, [input.memberNo])).filter(
            (r) => r.id !== id,
          );
          if (other) throw duplicateMemberNo(other.name);
          values.memberNo = input.memberNo;
        } else if (!row.memberNo) {
          values.memberNo = await repo.nextMemberNo(tx, auth.orgId, Number(input.date.slice(0, 4)));
        }
      }
      const updated = await repo.update(tx, auth.orgId, id, input.version, values);
      if (!updated) throw conflict('STALE_VERSION');
      await repo.insertEvents(tx, [
        {
          orgId: auth.orgId,
          memberId: id,
          action: input.action,
          fromStatus: from,
          toStatus: step.to,
          date: input.date,
          reason: input.reason,
          actorId: actor.userId,
          actorName: actor.name,
        },
      ]);
      await writeAudit(tx, actor, {
        action: 'member.status',
        objectType: 'member',
        objectId: id,
        detail: { action: input.action, from, to: step.to, date: input.date, memberNo: updated.memberNo },
      });
      return reload(tx, auth.orgId, access, id);
    }),
  );
}
