import { randomUUID } from 'node:crypto';
import { donations } from '../../db/schema/index.js';
import { postHandover } from '../../modules/donations/donations.handover.js';
import { donationsRepository } from '../../modules/donations/donations.repository.js';
import { ledgerRepository } from '../../modules/funds/ledger.repository.js';
import { bulkInsert } from '../bulk.js';
import { addDays } from '../rng.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';

// Two donation drives of the year: one for a nurse's kidney transplant (目标 25,000 元, a few hundred
// colleagues across departments, closed and handed over through the posting service: one income,
// one expense), and one still open for a colleague's family after a house fire. Donations are bulk
// rows; about seven in ten donors agreed to be named in the public summary.

const AMOUNTS_YUAN = [50, 100, 100, 100, 100, 200, 200, 200, 300, 500, 1000] as const;

function donationRows(ctx: DemoContext, driveId: string, donors: DemoMember[], from: string, to: string) {
  return donors.map((m) => ({
    id: randomUUID(),
    orgId: ctx.orgId,
    driveId,
    memberId: m.id,
    donorName: m.name,
    departmentId: m.departmentId,
    amountFen: ctx.rng.pick(AMOUNTS_YUAN) * 100,
    date: ctx.rng.date(from, to),
    nameConsent: ctx.rng.chance(0.7),
    importId: null,
    removedAt: null,
    removedReason: null,
    removedByName: null,
    createdBy: null,
    createdByName: ctx.actor.name,
    createdAt: new Date(),
  }));
}

export const donationsGenerator: DemoGenerator = {
  name: 'donations',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, actor } = ctx;
    const { sealer } = ctx.deps;
    const staff = ctx.members.filter((m) => m.status === 'member' && m.employmentType !== 'retired');
    if (staff.length < 10) return { donationDrives: 0 };
    const yearStart = `${ctx.year}-01-01`;
    const latest = (a: string, b: string) => (a > b ? a : b);
    const earliest = (a: string, b: string) => (a < b ? a : b);

    // The transplant drive: three weeks in spring (or as early as the year allows), then handed over.
    const women = staff.filter((m) => m.gender === 'female');
    const nurse = rng.pick(women.length ? women : staff);
    const start = latest(yearStart, earliest(`${ctx.year}-03-02`, addDays(ctx.today, -25)));
    const end = earliest(addDays(start, 14), ctx.today);
    let handoverDate = earliest(addDays(start, 20), ctx.today);
    // A month the treasurer has closed cannot take the entries: book them today instead.
    if (await ledgerRepository.isClosed(tx, orgId, handoverDate.slice(0, 7))) handoverDate = ctx.today;
    const transplant = await donationsRepository.insertDrive(tx, {
      id: randomUUID(),
      orgId,
      title: `为${nurse.name}同志爱心捐款`,
      beneficiaryMemberId: nurse.id,
      beneficiaryName: nurse.name,
      reasonEnc: sealer.seal('肾移植手术，医疗费用负担重'),
      targetFen: 2_500_000,
      startDate: start,
      endDate: end,
      status: 'closed',
      closedAt: new Date(`${end}T17:00:00+08:00`),
      createdByName: actor.name,
    });
    const others = staff.filter((m) => m.id !== nurse.id);
    const rows = donationRows(
      ctx,
      transplant.id,
      rng.sample(others, Math.min(others.length, 180)),
      start,
      end,
    );
    await bulkInsert(tx, donations, rows);
    const totals = { count: rows.length, totalFen: rows.reduce((s, r) => s + r.amountFen, 0) };
    await postHandover(
      tx,
      actor,
      transplant,
      totals,
      { date: handoverDate, payee: nurse.name, voucherNo: null, note: '工会主席带队到病房交本人' },
      '工会主席',
    );

    // The house-fire drive, still open: the last ten days' donations from two departments.
    const fireStart = latest(yearStart, addDays(ctx.today, -10));
    const family = rng.pick(others);
    const fireDepts = new Set(rng.sample([...new Set(others.map((m) => m.departmentId))], 2));
    const fireDonors = others.filter((m) => fireDepts.has(m.departmentId) && m.id !== family.id);
    const fire = await donationsRepository.insertDrive(tx, {
      id: randomUUID(),
      orgId,
      title: `为${family.name}同志家庭火灾爱心捐款`,
      beneficiaryMemberId: family.id,
      beneficiaryName: family.name,
      reasonEnc: sealer.seal('住宅失火，家中财物损毁'),
      targetFen: null,
      startDate: fireStart,
      endDate: null,
      status: 'open',
      createdByName: actor.name,
    });
    const fireRows = donationRows(
      ctx,
      fire.id,
      rng.sample(fireDonors, Math.min(fireDonors.length, 40)),
      fireStart,
      ctx.today,
    );
    await bulkInsert(tx, donations, fireRows);

    return {
      donationDrives: 2,
      donations: rows.length + fireRows.length,
      donationsHandedOverYuan: Math.round(totals.totalFen / 100),
    };
  },
};
