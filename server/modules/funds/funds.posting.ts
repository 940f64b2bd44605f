import type { ErrorDetail } from '../../../common/errors.js';
import { type FundKind, MAX_AMOUNT_FEN, type PayMethod, yuan } from '../../../common/schemas/funds.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { categoriesRepository, type FundCategory } from './categories.repository.js';
import { expenseRequestsRepository } from './expenseRequests.repository.js';
import { checkBudget } from './funds.budgetCheck.js';
import { ensureChart } from './funds.chart.js';
import { lockPeriodShared } from './funds.locks.js';
import { getFundSettings } from './funds.settings.js';
import { type LedgerEntry, ledgerRepository } from './ledger.repository.js';

// The one way money enters the ledger. Other modules call it inside their own transaction, so the
// entry and their record commit or roll back together. Rules: docs/funds-posting.md.

export interface PostingInput {
  orgId: string;
  /** Where the money movement comes from: a module code ('visit', 'aid', 'dues'…) and its record id. */
  source: { module: string; id?: string | null };
  categoryId?: string;
  /** A category code of the chart (see FUND_CATEGORY_CODES); used when categoryId is not given. */
  categoryCode?: string;
  amountFen: number;
  /** The business date, YYYY-MM-DD; its month is the period the entry is booked in. */
  date: string;
  kind: FundKind;
  /** The payee of an expense, the payer of an income. */
  payee: string;
  summary: string;
  voucherNo?: string | null;
  /** An approved expense request this payment settles; it becomes 'paid'. */
  expenseRequestId?: string | null;
  /**
   * The caller's own workflow approved this payment at the level its rules require (an aid case
   * approved by the chair or the union committee): no expense request and no direct-post limit.
   */
  approvedInWorkflow?: boolean;
  payMethod?: PayMethod | null;
}

export interface ReversalInput {
  orgId: string;
  entryId: string;
  date: string;
  reason: string;
  voucherNo?: string | null;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SOURCE = /^[A-Za-z]{1,30}$/;

function validate(input: PostingInput): void {
  const problems: ErrorDetail[] = [];
  const a = input.amountFen;
  if (typeof a !== 'number' || !Number.isInteger(a)) {
    problems.push({ path: 'amountFen', message: '金额须为整数（单位：分）' });
  } else if (a <= 0) {
    problems.push({ path: 'amountFen', message: '金额须大于0' });
  } else if (a > MAX_AMOUNT_FEN) {
    problems.push({ path: 'amountFen', message: `金额不得超过${yuan(MAX_AMOUNT_FEN)}元` });
  }
  if (!DATE.test(input.date) || Number.isNaN(Date.parse(input.date))) {
    problems.push({ path: 'date', message: '记账日期格式应为 YYYY-MM-DD，且须是有效日期' });
  }
  if (input.kind !== 'income' && input.kind !== 'expense') {
    problems.push({ path: 'kind', message: '收支类型只能是收入或支出' });
  }
  if (!SOURCE.test(input.source?.module ?? '')) {
    problems.push({ path: 'source.module', message: '来源模块无效' });
  }
  if (!input.payee?.trim() || input.payee.length > 100) {
    problems.push({ path: 'payee', message: '请填写收付款方（不超过100个字）' });
  }
  if (!input.summary?.trim() || input.summary.length > 200) {
    problems.push({ path: 'summary', message: '请填写摘要（不超过200个字）' });
  }
  if (problems.length) throw invalid(problems);
}

async function resolveCategory(exec: Executor, input: PostingInput): Promise<FundCategory> {
  await ensureChart(exec, input.orgId);
  const category = input.categoryId
    ? await categoriesRepository.findById(exec, input.orgId, input.categoryId)
    : input.categoryCode
      ? await categoriesRepository.findByCode(exec, input.orgId, input.categoryCode)
      : undefined;
  if (!category) throw invalid([{ path: 'categoryId', message: '经费科目不存在' }]);
  if (category.kind !== input.kind) {
    throw invalid([
      {
        path: 'categoryId',
        message: `「${category.name}」是${category.kind === 'income' ? '收入' : '支出'}科目`,
      },
    ]);
  }
  if (await categoriesRepository.hasChildren(exec, input.orgId, category.id)) {
    throw invalid([{ path: 'categoryId', message: `「${category.name}」有下级科目，请选择末级科目` }]);
  }
  return category;
}

/** 409 when the period is closed; holds the period's lock shared so a close waits for this transaction. */
async function assertOpen(exec: Executor, orgId: string, period: string): Promise<void> {
  await lockPeriodShared(exec, orgId, period);
  if (await ledgerRepository.isClosed(exec, orgId, period)) {
    throw conflict('PERIOD_CLOSED', `${period} 已结账，不能再记账；请记入未结账的期间`);
  }
}

/** The database trigger's own refusal (a closed period) as the same 409 the service gives. */
async function insertEntry(exec: Executor, v: Parameters<typeof ledgerRepository.insert>[1]) {
  try {
    return await ledgerRepository.insert(exec, v);
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === 'GHF01') throw conflict('PERIOD_CLOSED');
    throw e;
  }
}

export const fundsPosting = {
  /** Books one receipt or payment. Throws 400 (bad input), 409 (closed period, over budget, no approval). */
  async post(exec: Executor, actor: Actor, input: PostingInput): Promise<LedgerEntry> {
    validate(input);
    const { orgId } = input;
    const category = await resolveCategory(exec, input);
    const period = input.date.slice(0, 7);
    await assertOpen(exec, orgId, period);

    let approvedBy: LedgerEntry['approvedBy'] = null;
    let overBudget = false;
    const request = input.expenseRequestId
      ? await expenseRequestsRepository.findForUpdate(exec, orgId, input.expenseRequestId)
      : undefined;
    if (input.expenseRequestId && !request) throw notFound('EXPENSE_REQUEST_NOT_FOUND');
    if (input.kind === 'expense') {
      if (request) {
        if (request.status !== 'approved') {
          throw conflict('INVALID_TRANSITION', '经费申请尚未批准或已支付，不能支付');
        }
        if (request.categoryId !== category.id) {
          throw invalid([{ path: 'categoryId', message: '支出科目与经费申请不一致' }]);
        }
        if (input.amountFen > request.amountFen) {
          throw invalid([
            { path: 'amountFen', message: `支付金额不能超过批准金额${yuan(request.amountFen)}元` },
          ]);
        }
        approvedBy = 'request';
      } else if (input.approvedInWorkflow) {
        approvedBy = 'workflow';
      } else {
        const { directPostLimitFen } = await getFundSettings(exec, orgId);
        if (input.amountFen > directPostLimitFen) {
          throw conflict(
            'APPROVAL_REQUIRED',
            `单笔超过${yuan(directPostLimitFen)}元的支出须先提交经费申请并获批准`,
          );
        }
        approvedBy = 'rule';
      }
      const year = Number(input.date.slice(0, 4));
      ({ overBudget } = await checkBudget(exec, orgId, category, year, input.amountFen, request?.id ?? null));
    } else if (request) {
      throw invalid([{ path: 'expenseRequestId', message: '收入不能关联经费申请' }]);
    }

    const entry = await insertEntry(exec, {
      orgId,
      entryDate: input.date,
      period,
      kind: input.kind,
      categoryId: category.id,
      amountFen: input.amountFen,
      counterparty: input.payee.trim(),
      summary: input.summary.trim(),
      voucherNo: input.voucherNo?.trim() || null,
      sourceModule: input.source.module,
      sourceId: input.source.id ?? null,
      expenseRequestId: request?.id ?? null,
      approvedBy,
      overBudget,
      createdBy: actor.userId,
      createdByName: actor.name,
    });
    if (request) {
      await expenseRequestsRepository.update(exec, request.id, {
        status: 'paid',
        paidDate: input.date,
        payMethod: input.payMethod ?? null,
        voucherNo: entry.voucherNo,
        ledgerEntryId: entry.id,
      });
      await expenseRequestsRepository.insertEvent(exec, {
        orgId,
        requestId: request.id,
        action: 'pay',
        fromStatus: 'approved',
        toStatus: 'paid',
        comment: `支付${yuan(input.amountFen)}元，凭证号 ${entry.voucherNo ?? '—'}`,
        actorId: actor.userId,
        actorName: actor.name,
      });
    }
    await writeAudit(
      exec,
      { ...actor, orgId },
      {
        action: 'funds.post',
        objectType: 'ledgerEntry',
        objectId: entry.id,
        detail: {
          kind: entry.kind,
          categoryCode: category.code,
          amountFen: entry.amountFen,
          source: `${entry.sourceModule}:${entry.sourceId ?? ''}`,
          overBudget,
        },
      },
    );
    return entry;
  },

  /**
   * 红字冲销: a new entry with the original's kind and category and the negated amount, booked on
   * `date` (an open period). The original stays as it was; the link marks it reversed.
   */
  async reverse(exec: Executor, actor: Actor, input: ReversalInput): Promise<LedgerEntry> {
    const { orgId } = input;
    if (!DATE.test(input.date) || Number.isNaN(Date.parse(input.date))) {
      throw invalid([{ path: 'entryDate', message: '冲销日期格式应为 YYYY-MM-DD，且须是有效日期' }]);
    }
    const original = await ledgerRepository.findById(exec, orgId, input.entryId);
    if (!original) throw notFound('LEDGER_ENTRY_NOT_FOUND');
    const o = original.entry;
    if (o.reversesEntryId) throw conflict('CONFLICT', '冲销记录不能再冲销');
    if (original.reversedByEntryId) throw conflict('CONFLICT', '该笔账目已冲销');
    if (input.date < o.entryDate) {
      throw invalid([{ path: 'entryDate', message: '冲销日期不能早于原记账日期' }]);
    }
    const period = input.date.slice(0, 7);
    await assertOpen(exec, orgId, period);
    // Two reversals of one entry racing: the unique index (org, reverses_entry_id) lets one through.
    const entry = await insertEntry(exec, {
      orgId,
      entryDate: input.date,
      period,
      kind: o.kind,
      categoryId: o.categoryId,
      amountFen: -o.amountFen,
      counterparty: o.counterparty,
      summary: `冲销：${o.summary}（${input.reason.trim()}）`.slice(0, 200),
      voucherNo: input.voucherNo?.trim() || null,
      sourceModule: o.sourceModule,
      sourceId: o.sourceId,
      expenseRequestId: o.expenseRequestId,
      reversesEntryId: o.id,
      approvedBy: o.approvedBy,
      createdBy: actor.userId,
      createdByName: actor.name,
    });
    await writeAudit(
      exec,
      { ...actor, orgId },
      {
        action: 'funds.reverse',
        objectType: 'ledgerEntry',
        objectId: entry.id,
        detail: { reverses: o.id, amountFen: entry.amountFen, reason: input.reason },
      },
    );
    return entry;
  },
};
