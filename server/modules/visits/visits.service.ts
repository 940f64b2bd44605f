import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { VISIT_REASON_LABELS, type VisitReason } from '../../../common/schemas/care.js';
import { yuan } from '../../../common/schemas/funds.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type {
  VisitBatch,
  VisitBatchResult,
  VisitCreate,
  VisitListQuery,
  VisitView,
} from '../../../common/schemas/visit.js';
import type { Deps } from '../../app.js';
import type { Executor, Tx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { fundsPosting } from '../funds/funds.posting.js';
import type { OrgActor } from '../members/members.service.js';
import { organisationService } from '../organisation/organisation.service.js';
import {
  assertWithinCap,
  type WelfareRule,
  welfareRulesService,
} from '../welfareRules/welfareRules.service.js';
import { careEventsRepository } from './careEvents.repository.js';
import { careScope, seesAmounts } from './visits.policy.js';
import { type NewVisit, visitsRepository as repo, type VisitRow } from './visits.repository.js';

// 慰问: each visit pays the cash of the 福利标准 version in force on its date (the standard, or less
// when the officer enters less, never more), within the rule's yearly cap and times per member.
// Cash posts one ledger entry in the same transaction; a cancelled visit's entry is reversed.

export function presentVisit(r: VisitRow, amounts: boolean): VisitView {
  const v = r.visit;
  return {
    id: v.id,
    memberId: v.memberId,
    memberName: r.memberName,
    departmentName: r.departmentName,
    reason: v.reason,
    reasonLabel: VISIT_REASON_LABELS[v.reason],
    visitDate: v.visitDate,
    visitors: v.visitors,
    gift: v.gift,
    cashFen: amounts ? v.cashFen : null,
    standardFen: amounts ? v.standardFen : null,
    ruleId: v.ruleId,
    notes: v.notes,
    festival: v.festival,
    eventId: v.eventId,
    ledgerEntryId: amounts ? v.ledgerEntryId : null,
    status: v.status,
    cancelReason: v.cancelReason,
    hasPhoto: r.hasPhoto,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
    version: v.version,
  };
}

/**
 * Serialises everything paid to these members under the caps (visits here, aid elsewhere) for the
 * rest of the transaction, so two racing payments cannot both pass the cap. Sorted: no deadlocks.
 */
async function lockCaps(tx: Tx, orgId: string, memberIds: readonly string[]) {
  const keys = [...new Set(memberIds)].sort().map((m) => `care:cap:${orgId}${m}`);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(${sql.param(keys)}::text[]) as k`,
  );
}

/** The cash a visit pays under the rule: its standard by default, never more. */
function cashUnder(rule: WelfareRule, cashFen: number | undefined): number {
  const cash = cashFen ?? rule.standardFen;
  if (cash > rule.standardFen) {
    throw invalid([
      {
        path: 'cashFen',
        message: `慰问金不能超过${rule.effectiveFrom}起执行的标准${yuan(rule.standardFen)}元`,
      },
    ]);
  }
  return cash;
}

interface Payment {
  id: string;
  member: { id: string; name: string };
  reason: VisitReason;
  visitDate: string;
  cashFen: number;
  rule: WelfareRule;
}

/** The ledger entry of a visit's cash, or null when it pays none. */
async function post(tx: Tx, actor: OrgActor, p: Payment, festival: string | null): Promise<string | null> {
  if (p.cashFen === 0) return null;
  const entry = await fundsPosting.post(tx, actor, {
    orgId: actor.orgId,
    source: { module: 'visit', id: p.id },
    categoryCode: p.rule.categoryCode,
    amountFen: p.cashFen,
    date: p.visitDate,
    kind: 'expense',
    payee: p.member.name,
    summary: `${festival ?? VISIT_REASON_LABELS[p.reason]}慰问 ${p.member.name}`,
  });
  return entry.id;
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

async function loadRow(exec: Executor, orgId: string, id: string) {
  const row = await repo.findRow(exec, orgId, id, null);
  if (!row) throw notFound('VISIT_NOT_FOUND');
  return row;
}

export const visitsService = {
  async create(deps: Deps, auth: AuthContext, actor: OrgActor, body: VisitCreate): Promise<VisitView> {
    return deps.db.transaction(async (tx) => {
      const [member] = await repo.members(tx, auth.orgId, [body.memberId]);
      if (!member) throw notFound('MEMBER_NOT_FOUND');
      if (body.eventId) {
        const event = await careEventsRepository.lockById(tx, auth.orgId, body.eventId);
        if (!event) throw notFound('CARE_EVENT_NOT_FOUND');
        if (event.memberId !== member.id) {
          throw invalid([{ path: 'eventId', message: '报告事件不是该会员的' }]);
        }
        if (event.status !== 'open') throw conflict('INVALID_TRANSITION', '该事件已处理，不能再关联慰问');
      }
      const rule = await welfareRulesService.inForce(tx, auth.orgId, 'visit', body.reason, body.visitDate);
      const cashFen = cashUnder(rule, body.cashFen);
      await lockCaps(tx, auth.orgId, [member.id]);
      const year = Number(body.visitDate.slice(0, 4));
      const used = await repo.usedInYear(tx, auth.orgId, [member.id], body.reason, year);
      assertWithinCap(rule, used(member.id), cashFen);

      const id = randomUUID();
      const payment = { id, member, reason: body.reason, visitDate: body.visitDate, cashFen, rule };
      const ledgerEntryId = await post(tx, actor, payment, null);
      await repo.insert(tx, [
        {
          id,
          orgId: auth.orgId,
          memberId: member.id,
          reason: body.reason,
          visitDate: body.visitDate,
          visitors: body.visitors,
          gift: body.gift ?? rule.giftNote,
          cashFen,
          ruleId: rule.id,
          standardFen: rule.standardFen,
          notes: body.notes,
          eventId: body.eventId ?? null,
          ledgerEntryId,
          createdBy: auth.userId,
          createdByName: auth.displayName,
        },
      ]);
      if (body.eventId) {
        await careEventsRepository.update(tx, auth.orgId, body.eventId, {
          status: 'visited',
          visitId: id,
          closedBy: auth.userId,
          closedByName: auth.displayName,
          closedAt: new Date(),
        });
      }
      await writeAudit(tx, actor, {
        action: 'care.visit.create',
        objectType: 'visit',
        objectId: id,
        detail: {
          memberId: member.id,
          reason: body.reason,
          visitDate: body.visitDate,
          cashFen,
          ruleId: rule.id,
          eventId: body.eventId ?? null,
        },
      });
      return presentVisit(await loadRow(tx, auth.orgId, id), true);
    });
  },

  /**
   * Festival visits as one batch: every member gets a `holiday` visit for the festival, each cash
   * visit with its own ledger entry (each stays within the direct-post limit, and one can be
   * cancelled and reversed alone). Any refusal — an unknown member, a member already visited for
   * the festival, a cap, a closed period — refuses the whole batch and nothing is posted.
   */
  async batch(deps: Deps, auth: AuthContext, actor: OrgActor, body: VisitBatch): Promise<VisitBatchResult> {
    const ids = [...new Set(body.memberIds)];
    try {
      return await deps.db.transaction(async (tx) => {
        const found = await repo.members(tx, auth.orgId, ids);
        if (found.length !== ids.length) {
          const known = new Set(found.map((m) => m.id));
          const i = body.memberIds.findIndex((m) => !known.has(m));
          throw invalid([{ path: `memberIds.${i}`, message: `有${ids.length - found.length}名会员不存在` }]);
        }
        const rule = await welfareRulesService.inForce(tx, auth.orgId, 'visit', 'holiday', body.visitDate);
        const cashFen = cashUnder(rule, body.cashFen);
        await lockCaps(tx, auth.orgId, ids);
        const visited = await repo.festivalVisited(tx, auth.orgId, body.festival, ids);
        if (visited.length) {
          const names = visited.slice(0, 5).map((v) => v.name);
          throw conflict(
            'DUPLICATE',
            `${names.join('、')}${visited.length > 5 ? `等${visited.length}人` : ''}已有「${body.festival}」慰问记录`,
          );
        }
        const year = Number(body.visitDate.slice(0, 4));
        const batchId = randomUUID();
        const used = await repo.usedInYear(tx, auth.orgId, ids, 'holiday', year);
        const rows: NewVisit[] = [];
        for (const member of found) {
          try {
            assertWithinCap(rule, used(member.id), cashFen);
          } catch (e) {
            throw conflict('CAP_EXCEEDED', `${member.name}：${(e as Error).message}`);
          }
          const id = randomUUID();
          const payment = {
            id,
            member,
            reason: 'holiday' as const,
            visitDate: body.visitDate,
            cashFen,
            rule,
          };
          rows.push({
            id,
            orgId: auth.orgId,
            memberId: member.id,
            reason: 'holiday',
            visitDate: body.visitDate,
            visitors: body.visitors,
            gift: body.gift ?? rule.giftNote,
            cashFen,
            ruleId: rule.id,
            standardFen: rule.standardFen,
            notes: body.notes,
            festival: body.festival,
            batchId,
            ledgerEntryId: await post(tx, actor, payment, body.festival),
            createdBy: auth.userId,
            createdByName: auth.displayName,
          });
        }
        for (let i = 0; i < rows.length; i += 500) await repo.insert(tx, rows.slice(i, i + 500));
        const totalCashFen = cashFen * rows.length;
        await writeAudit(tx, actor, {
          action: 'care.visit.batch',
          objectType: 'visitBatch',
          objectId: batchId,
          detail: { festival: body.festival, visitDate: body.visitDate, count: rows.length, totalCashFen },
        });
        return { batchId, created: rows.length, totalCashFen };
      });
    } catch (e) {
      // Another batch for the same festival committed first: the partial unique index refused ours.
      if (isUniqueViolation(e))
        throw conflict('DUPLICATE', `部分会员已有「${body.festival}」慰问记录，请刷新后再试`);
      throw e;
    }
  },

  /** Cancels a visit recorded by mistake; its cash is reversed and a linked event is open again. */
  async cancel(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    body: { reason: string; version: number },
  ): Promise<VisitView> {
    return deps.db.transaction(async (tx) => {
      const v = await repo.lockById(tx, auth.orgId, id);
      if (!v) throw notFound('VISIT_NOT_FOUND');
      if (v.status === 'cancelled') throw conflict('INVALID_TRANSITION', '该慰问记录已取消');
      if (v.version !== body.version) throw conflict('STALE_VERSION');
      let reversalEntryId: string | null = null;
      if (v.ledgerEntryId) {
        const reversal = await fundsPosting.reverse(tx, actor, {
          orgId: auth.orgId,
          entryId: v.ledgerEntryId,
          // Not before the entry: a visit dated ahead of today is reversed on its own date.
          date: [today(), v.visitDate].sort()[1],
          reason: `取消慰问：${body.reason}`,
        });
        reversalEntryId = reversal.id;
      }
      await repo.update(tx, auth.orgId, id, {
        status: 'cancelled',
        cancelReason: body.reason,
        cancelledAt: new Date(),
        cancelledByName: auth.displayName,
        reversalEntryId,
      });
      if (v.eventId) {
        await careEventsRepository.update(tx, auth.orgId, v.eventId, {
          status: 'open',
          visitId: null,
          closedBy: null,
          closedByName: null,
          closedAt: null,
        });
      }
      await writeAudit(tx, actor, {
        action: 'care.visit.cancel',
        objectType: 'visit',
        objectId: id,
        detail: { reason: body.reason, cashFen: v.cashFen, reversalEntryId },
      });
      return presentVisit(await loadRow(tx, auth.orgId, id), true);
    });
  },

  async get(deps: Deps, auth: AuthContext, id: string): Promise<VisitView> {
    const scope = await careScope(deps.db, auth);
    const row = await repo.findRow(deps.db, auth.orgId, id, scope);
    if (!row) throw notFound('VISIT_NOT_FOUND');
    return presentVisit(row, seesAmounts(auth));
  },

  async list(deps: Deps, auth: AuthContext, q: VisitListQuery): Promise<Paged<VisitView>> {
    const scope = await careScope(deps.db, auth);
    const departmentIds = q.departmentId
      ? await organisationService.scopeDepartments(deps.db, auth.orgId, [q.departmentId])
      : undefined;
    const { rows, total } = await repo.list(
      deps.db,
      auth.orgId,
      scope,
      { ...q, departmentIds },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    const amounts = seesAmounts(auth);
    return paged(
      rows.map((r) => presentVisit(r, amounts)),
      total,
      q,
    );
  },
};
