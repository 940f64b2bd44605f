import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import {
  type WelfareRuleCreate,
  type WelfareRuleView,
  type WelfareSubject,
  welfareCodeLabel,
} from '../../../common/schemas/care.js';
import { yuan } from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { categoriesRepository } from '../funds/categories.repository.js';
import { ensureChart } from '../funds/funds.chart.js';
import type { OrgActor } from '../members/members.service.js';
import { welfareRulesRepository as repo, type WelfareRule } from './welfareRules.repository.js';

// 福利标准: versions by effective date. Visits and aid cases ask `inForce` for the version of their
// date, store its id and their own amounts, and check the yearly cap with `assertWithinCap`.

export type { WelfareRule };

/** The defaults a union starts with: data in welfareRules.defaults.json, in force since 2000. */
const DEFAULTS_FROM = '2000-01-01';
const DEFAULTS: { rules: Omit<WelfareRuleCreate, 'effectiveFrom' | 'note'>[] } = JSON.parse(
  fs.readFileSync(new URL('./welfareRules.defaults.json', import.meta.url), 'utf8'),
);

/** Seeds the union's default rules the first time care is used (safe to race). */
export async function ensureWelfareRules(exec: Executor, orgId: string): Promise<void> {
  if (await repo.hasAny(exec, orgId)) return;
  const run = async (tx: Executor) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`care:rules:${orgId}`}, 0))`);
    if (await repo.hasAny(tx, orgId)) return;
    await repo.insert(
      tx,
      DEFAULTS.rules.map((r) => ({ ...r, orgId, effectiveFrom: DEFAULTS_FROM, createdByName: '系统默认' })),
    );
  };
  if ('rollback' in exec) await run(exec);
  else await exec.transaction(run);
}

function present(rule: WelfareRule, categoryName: string | null, next: string | undefined): WelfareRuleView {
  let effectiveTo: string | null = null;
  if (next) {
    const d = new Date(`${next}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    effectiveTo = d.toISOString().slice(0, 10);
  }
  return {
    id: rule.id,
    subject: rule.subject,
    code: rule.code,
    label: welfareCodeLabel(rule.subject, rule.code),
    standardFen: rule.standardFen,
    giftNote: rule.giftNote,
    yearlyCapFen: rule.yearlyCapFen,
    yearlyTimes: rule.yearlyTimes,
    approver: rule.approver,
    committeeAboveFen: rule.committeeAboveFen,
    categoryCode: rule.categoryCode,
    categoryName,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo,
    note: rule.note,
    createdByName: rule.createdByName,
    createdAt: rule.createdAt.toISOString(),
  };
}

/**
 * 409 CAP_EXCEEDED when paying `amountFen` more would pass the rule's yearly cap for the person, or
 * when they already had as many as the rule allows this year. `used` is what the calling module has
 * already paid the person under this subject and code in the same calendar year.
 */
export function assertWithinCap(
  rule: Pick<WelfareRule, 'subject' | 'code' | 'yearlyCapFen' | 'yearlyTimes'>,
  used: { fen: number; times: number },
  amountFen: number,
): void {
  const label = welfareCodeLabel(rule.subject, rule.code);
  if (rule.yearlyTimes !== null && used.times >= rule.yearlyTimes) {
    throw conflict('CAP_EXCEEDED', `「${label}」每人每年最多${rule.yearlyTimes}次，本年已有${used.times}次`);
  }
  if (rule.yearlyCapFen !== null && used.fen + amountFen > rule.yearlyCapFen) {
    const left = Math.max(0, rule.yearlyCapFen - used.fen);
    throw conflict(
      'CAP_EXCEEDED',
      `「${label}」每人年度上限${yuan(rule.yearlyCapFen)}元，本年已发放${yuan(used.fen)}元，最多还可发放${yuan(left)}元`,
    );
  }
}

/** Who must approve `amountFen` under the rule: the committee above its threshold, else the rule's approver. */
export function approverFor(rule: Pick<WelfareRule, 'approver' | 'committeeAboveFen'>, amountFen: number) {
  if (rule.committeeAboveFen !== null && amountFen > rule.committeeAboveFen) return 'committee' as const;
  return rule.approver;
}

export const welfareRulesService = {
  /** The version in force on `date`; 409 WELFARE_RULE_MISSING when the union has none for it. */
  async inForce(exec: Executor, orgId: string, subject: WelfareSubject, code: string, date: string) {
    await ensureWelfareRules(exec, orgId);
    const rule = await repo.inForce(exec, orgId, subject, code, date);
    if (!rule) {
      throw conflict(
        'WELFARE_RULE_MISSING',
        `${date}没有适用的「${welfareCodeLabel(subject, code)}」福利标准，请先在“福利标准”中设置`,
      );
    }
    return rule;
  },

  /** Every version, or with `on` only those in force that day (one per code). */
  async list(deps: Deps, auth: AuthContext, q: { subject?: WelfareSubject; on?: string }) {
    await ensureChart(deps.db, auth.orgId);
    await ensureWelfareRules(deps.db, auth.orgId);
    const rows = await repo.list(deps.db, auth.orgId, q.subject);
    const views = rows.map((r, i) => {
      const next = rows[i + 1];
      const sameCode = next && next.rule.subject === r.rule.subject && next.rule.code === r.rule.code;
      return present(r.rule, r.categoryName, sameCode ? next.rule.effectiveFrom : undefined);
    });
    if (!q.on) return views;
    const on = q.on;
    return views.filter((v) => v.effectiveFrom <= on && (v.effectiveTo === null || v.effectiveTo >= on));
  },

  /** Adds a version. Its category must be a leaf expense category of the union's chart. */
  async create(deps: Deps, auth: AuthContext, actor: OrgActor, body: WelfareRuleCreate) {
    return deps.db.transaction(async (tx) => {
      await ensureWelfareRules(tx, auth.orgId);
      await ensureChart(tx, auth.orgId);
      const category = await categoriesRepository.findByCode(tx, auth.orgId, body.categoryCode);
      if (category?.kind !== 'expense') {
        throw invalid([{ path: 'categoryCode', message: '经费科目不存在或不是支出科目' }]);
      }
      if (await categoriesRepository.hasChildren(tx, auth.orgId, category.id)) {
        throw invalid([{ path: 'categoryCode', message: `「${category.name}」有下级科目，请选择末级科目` }]);
      }
      const [row] = await repo.insert(tx, [
        { ...body, orgId: auth.orgId, createdBy: auth.userId, createdByName: auth.displayName },
      ]);
      if (!row) {
        throw conflict(
          'DUPLICATE',
          `「${welfareCodeLabel(body.subject, body.code)}」在${body.effectiveFrom}已有一个版本`,
        );
      }
      await writeAudit(tx, actor, {
        action: 'care.rule.create',
        objectType: 'welfareRule',
        objectId: row.id,
        detail: {
          subject: row.subject,
          code: row.code,
          effectiveFrom: row.effectiveFrom,
          standardFen: row.standardFen,
        },
      });
      return present(row, category.name, undefined);
    });
  },

  /**
   * Only a version not yet in force may be withdrawn: once its date has come, records may have used
   * it, and the past must read as it was.
   */
  async remove(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    await deps.db.transaction(async (tx) => {
      const rule = await repo.findById(tx, auth.orgId, id);
      if (!rule) throw notFound();
      if (rule.effectiveFrom <= today()) {
        throw conflict('IN_USE', '已生效的福利标准不能删除；如需调整，请新增一个版本');
      }
      await repo.delete(tx, auth.orgId, id);
      await writeAudit(tx, actor, {
        action: 'care.rule.delete',
        objectType: 'welfareRule',
        objectId: id,
        detail: { subject: rule.subject, code: rule.code, effectiveFrom: rule.effectiveFrom },
      });
    });
  },
};
