import type { AidApprovalLevel, AidCaseRow, AidCaseView, AidState } from '../../../common/schemas/aid.js';
import type { AidKind } from '../../../common/schemas/care.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { welfareRulesRepository } from '../welfareRules/welfareRules.repository.js';
import { caseFacts } from './aid.access.js';
import { type AidSight, type AidViewer, abilitiesOf } from './aid.policy.js';
import { type AidCaseWithNames, aidRepository as repo } from './aid.repository.js';

// An aid case as the viewer may see it: amounts hidden at `status` sight; the reason (opened from its
// seal), the materials and the ledger link only at `full` sight.

export function presentRow(r: AidCaseWithNames, amounts: boolean): AidCaseRow {
  const a = r.aid;
  return {
    id: a.id,
    memberId: a.memberId,
    memberName: r.memberName,
    departmentName: r.departmentName,
    kind: a.kind as AidKind,
    state: a.state as AidState,
    appliedOn: a.appliedOn,
    amountAskedFen: amounts ? a.amountAskedFen : null,
    amountGrantedFen: amounts ? a.amountGrantedFen : null,
    approvalLevel: a.approvalLevel as AidApprovalLevel | null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export async function presentCase(
  exec: Executor,
  deps: Deps,
  viewer: AidViewer,
  r: AidCaseWithNames,
  sight: AidSight,
): Promise<AidCaseView> {
  const a = r.aid;
  const full = sight === 'full';
  const amounts = sight !== 'status';
  const [events, files, rule] = await Promise.all([
    repo.events(exec, a.orgId, a.id),
    full ? repo.files(exec, a.orgId, a.id) : Promise.resolve([]),
    amounts ? welfareRulesRepository.findById(exec, a.orgId, a.ruleId) : Promise.resolve(undefined),
  ]);
  return {
    ...presentRow(r, amounts),
    version: a.version,
    reason: full ? deps.sealer.open(a.reasonEnc) : null,
    checklist: full
      ? a.checklist.map((i) => ({
          ...i,
          files: files
            .filter((f) => f.itemKey === i.key)
            .map((f) => ({
              id: f.id,
              fileName: f.fileName,
              sizeBytes: f.sizeBytes,
              createdAt: f.createdAt.toISOString(),
            })),
        }))
      : null,
    rule: rule
      ? {
          id: rule.id,
          effectiveFrom: rule.effectiveFrom,
          standardFen: rule.standardFen,
          yearlyCapFen: rule.yearlyCapFen,
          committeeAboveFen: rule.committeeAboveFen,
        }
      : null,
    committeeMeetingOn: a.committeeMeetingOn,
    committeeResolution: amounts ? a.committeeResolution : null,
    noticeFrom: a.noticeFrom,
    noticeUntil: a.noticeUntil,
    paidOn: a.paidOn,
    ledgerEntryId: full ? a.ledgerEntryId : null,
    refusedReason: amounts ? a.refusedReason : null,
    appliedByName: a.appliedByName,
    source: a.sourceModule && a.sourceId ? { module: a.sourceModule, id: a.sourceId } : null,
    events: events.map((e) => ({
      action: e.action,
      fromState: e.fromState as AidState | null,
      toState: e.toState as AidState,
      note: amounts ? e.note : null,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    })),
    abilities: abilitiesOf(viewer, caseFacts(a)),
  };
}
