import { randomUUID } from 'node:crypto';
import {
  allocationAmounts,
  applyRate,
  DEFAULT_ALLOCATION_RATE_BP,
  DEFAULT_DUES_RATE_BP,
  DEFAULT_RETAINED_BP,
} from '../../../common/schemas/dues.js';
import {
  duesExemptions,
  duesImports,
  duesPayments,
  fundPeriods,
  fundReviewNotes,
} from '../../db/schema/index.js';
import { duesLedger } from '../../modules/dues/dues.ledger.js';
import { duesRepository } from '../../modules/dues/dues.repository.js';
import { bulkInsert } from '../bulk.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';

// A year of dues: one committed import per finished month (bulk rows, not Excel) booked as 会费收入
// through the posting service, a few exemptions (病休), some members in arrears (a handful 6+ months),
// a few deductions off the rate (flagged), allocations by finished quarter, and the fund auditors'
// review note on January, which is then closed. Months another generator already closed are skipped.

const pad = (n: number) => String(n).padStart(2, '0');

function finishedMonths(year: number, today: string): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${pad(m)}`;
    if (month < today.slice(0, 7)) out.push(month);
  }
  return out;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export const duesGenerator: DemoGenerator = {
  name: 'dues',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, actor } = ctx;
    const months = finishedMonths(ctx.year, ctx.today);
    if (months.length === 0) return { duesMonths: 0 };
    const paying = ctx.members.filter((m) => m.status === 'member' && m.employmentType !== 'retired');
    // Base salary per person for the year, in whole yuan, by employment relation.
    const base = new Map<string, number>();
    for (const m of paying) {
      const [lo, hi] = m.employmentType === 'permanent' ? [6000, 16000] : [3500, 9000];
      base.set(m.id, rng.int(lo, hi) * 100);
    }
    const exempt = new Map<string, { from: string; to: string }>();
    for (const m of rng.sample(paying, 3)) {
      const from = rng.pick(months);
      const to = months[Math.min(months.length - 1, months.indexOf(from) + rng.int(1, 3))];
      exempt.set(m.id, { from, to });
    }
    // Most pay every month; some miss one or two months; a handful stopped paying mid-year.
    const stopped = new Set(
      rng
        .sample(
          paying.filter((m) => !exempt.has(m.id) && (m.joinedAt ?? '') < `${ctx.year}-01`),
          5,
        )
        .map((m) => m.id),
    );
    const misses = new Map<string, Set<string>>();
    for (const m of rng.sample(paying, Math.ceil(paying.length * 0.03))) {
      misses.set(m.id, new Set(rng.sample(months, rng.int(1, 2))));
    }
    const stopMonth = months[Math.max(0, months.length - 7)];
    const pays = (m: DemoMember, month: string) => {
      if ((m.joinedAt?.slice(0, 7) ?? '') > month) return false;
      const e = exempt.get(m.id);
      if (e && e.from <= month && month <= e.to) return false;
      if (stopped.has(m.id) && month >= stopMonth) return false;
      return !misses.get(m.id)?.has(month);
    };

    let payments = 0;
    let booked = 0;
    for (const month of months) {
      if (await duesRepository.isClosed(tx, orgId, month)) continue;
      const importId = randomUUID();
      const rows = paying
        .filter((m) => pays(m, month))
        .map((m) => {
          const baseSalaryFen = base.get(m.id)!;
          const expectedFen = applyRate(baseSalaryFen, DEFAULT_DUES_RATE_BP);
          // Now and then payroll rounds to the yuan: a flagged deduction for the auditors to see.
          const amountFen = rng.chance(0.01) ? Math.round(expectedFen / 100) * 100 + 100 : expectedFen;
          return {
            id: randomUUID(),
            orgId,
            importId,
            memberId: m.id,
            departmentId: m.departmentId,
            month,
            baseSalaryFen,
            amountFen,
            expectedFen,
            flagged: Math.abs(amountFen - expectedFen) > 1,
            createdAt: new Date(`${lastDay(month)}T10:00:00+08:00`),
          };
        });
      if (rows.length === 0) continue;
      const totalFen = rows.reduce((s, r) => s + r.amountFen, 0);
      await tx.insert(duesImports).values({
        id: importId,
        orgId,
        month,
        status: 'staged',
        fileName: `${month}会费代扣.xlsx`,
        userId: ctx.users.treasurer?.[0]?.id ?? randomUUID(),
        summary: { month, rateBp: DEFAULT_DUES_RATE_BP, total: rows.length, matched: rows.length },
      });
      await bulkInsert(tx, duesPayments, rows);
      const ledgerEntryId = await duesLedger.postMonth(tx, actor, {
        importId,
        month,
        totalFen,
        rowCount: rows.length,
      });
      await duesRepository.markCommitted(tx, importId, { rowCount: rows.length, totalFen, ledgerEntryId });
      payments += rows.length;
      booked++;
    }

    await bulkInsert(
      tx,
      duesExemptions,
      [...exempt].map(([memberId, e]) => ({
        id: randomUUID(),
        orgId,
        memberId,
        reason: '长期病休，经工会委员会研究免缴',
        fromMonth: e.from,
        toMonth: e.to,
        createdBy: null,
        createdAt: new Date(`${e.from}-01T09:00:00+08:00`),
      })),
    );

    // 拨缴经费 by finished quarter, received on the 15th of the following month.
    let allocations = 0;
    const monthlyPayroll = [...base.values()].reduce((s, v) => s + v, 0) * 1.6;
    for (let q = 0; q < 4; q++) {
      const qMonths = months.slice(q * 3, q * 3 + 3);
      if (qMonths.length < 3) break;
      const next = months[q * 3 + 3];
      if (!next) break;
      const receivedOn = `${next}-15`;
      if (receivedOn > ctx.today || (await duesRepository.isClosed(tx, orgId, next))) continue;
      const payrollTotalFen = Math.round((monthlyPayroll * 3 * rng.int(97, 103)) / 100);
      const { amountFen, retainedFen } = allocationAmounts(
        payrollTotalFen,
        DEFAULT_ALLOCATION_RATE_BP,
        DEFAULT_RETAINED_BP,
      );
      const row = await duesRepository.insertAllocation(tx, {
        orgId,
        fromMonth: qMonths[0],
        toMonth: qMonths[2],
        receivedOn,
        payrollTotalFen,
        rateBp: DEFAULT_ALLOCATION_RATE_BP,
        amountFen,
        retainedBp: DEFAULT_RETAINED_BP,
        retainedFen,
        voucherNo: `记-${next.slice(5)}-${pad(rng.int(1, 30))}`,
        note: `第${q + 1}季度拨缴经费`,
        createdBy: null,
      });
      await duesRepository.setAllocationEntry(tx, row.id, await duesLedger.postAllocation(tx, actor, row));
      allocations++;
    }

    // The auditors reviewed January before it was closed.
    const january = months[0];
    await tx.insert(fundReviewNotes).values({
      orgId,
      period: january,
      opinion: '经审查，本月会费收缴、拨缴经费及各项支出账目清楚，凭证齐全，符合工会经费管理规定。',
      findings: '个别慰问支出凭证缺少经办人签字，已要求补签。',
      reviewedOn: [`${ctx.year}-02-0${rng.int(3, 9)}`, ctx.today].sort()[0],
      authorName: '经费审查委员会',
    });
    await tx
      .insert(fundPeriods)
      .values({ orgId, period: january, closedByName: '工会会计' })
      .onConflictDoNothing();
    return { duesMonths: booked, duesPayments: payments, exemptions: exempt.size, allocations };
  },
};
