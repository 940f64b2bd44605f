import type { ReviewNoteBody, ReviewNoteView } from '../../../common/schemas/statements.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import type { OrgActor } from '../members/members.service.js';
import { type ReviewNoteRow, statementsRepository as repo } from './statements.repository.js';

// 审查意见: one note per month by the fund auditors (经审会). It is written and edited while the month
// is open and frozen when the month closes, so the note printed on a closed month's statements is the
// one the books were closed with. Edits carry the version read: two auditors at once give one 409.

async function closedSet(exec: Executor, orgId: string, periods: string[]) {
  const out = new Set<string>();
  for (const p of new Set(periods)) if (await repo.isClosed(exec, orgId, p)) out.add(p);
  return out;
}

export function presentNote(r: ReviewNoteRow, locked: boolean): ReviewNoteView {
  return {
    id: r.id,
    period: r.period,
    opinion: r.opinion,
    findings: r.findings,
    reviewedOn: r.reviewedOn,
    authorName: r.authorName,
    version: r.version,
    locked,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const reviewNotes = {
  async between(exec: Executor, orgId: string, from: string, to: string): Promise<ReviewNoteView[]> {
    const rows = await repo.reviewNotesBetween(exec, orgId, from, to);
    const closed = await closedSet(
      exec,
      orgId,
      rows.map((r) => r.period),
    );
    return rows.map((r) => presentNote(r, closed.has(r.period)));
  },

  async get(deps: Deps, auth: AuthContext, period: string): Promise<ReviewNoteView> {
    const row = await repo.reviewNote(deps.db, auth.orgId, period);
    if (!row) throw notFound();
    return presentNote(row, await repo.isClosed(deps.db, auth.orgId, period));
  },

  async save(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    period: string,
    body: ReviewNoteBody,
  ): Promise<{ note: ReviewNoteView; created: boolean }> {
    if (period > today().slice(0, 7)) throw invalid([{ path: 'period', message: '不能审查尚未到来的月份' }]);
    if (body.reviewedOn > today()) throw invalid([{ path: 'reviewedOn', message: '审查日期不能晚于今天' }]);
    return deps.db.transaction(async (tx) => {
      if (await repo.isClosed(tx, auth.orgId, period)) {
        throw conflict('CONFLICT', `${period}已结账，审查意见随账目一并锁定，不能再修改`);
      }
      const values = {
        opinion: body.opinion,
        findings: body.findings,
        reviewedOn: body.reviewedOn,
        authorId: auth.userId,
        authorName: auth.displayName,
      };
      const existing = await repo.reviewNote(tx, auth.orgId, period, true);
      let row: ReviewNoteRow | undefined;
      if (!existing) {
        if (body.version !== undefined) throw notFound();
        row = await repo.insertReviewNote(tx, { orgId: auth.orgId, period, ...values });
        // Another auditor wrote the first note at the same moment.
        if (!row) throw new AppError(409, 'STALE_VERSION');
      } else {
        if (body.version === undefined) {
          throw conflict('DUPLICATE', '该月已有审查意见，请在原意见上修改', [
            { path: 'version', message: '缺少版本号' },
          ]);
        }
        row = await repo.updateReviewNote(tx, existing.id, body.version, values);
        if (!row) throw new AppError(409, 'STALE_VERSION');
      }
      await writeAudit(tx, actor, {
        action: existing ? 'funds.reviewNote.update' : 'funds.reviewNote.create',
        objectType: 'fundReviewNote',
        objectId: row.id,
        detail: { period, reviewedOn: body.reviewedOn },
      });
      return { note: presentNote(row, false), created: !existing };
    });
  },
};
