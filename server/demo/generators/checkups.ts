import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { checkupBatches, checkupParticipants } from '../../db/schema/index.js';
import { checkupsRepository } from '../../modules/checkups/checkups.repository.js';
import { addDays } from '../rng.js';
import type { DemoContext, DemoGenerator } from '../types.js';

// The year's health checkup (健康体检): the programme published over the roster (members with a year of
// service, women with their extra items), batches on the weeks before today filled department by
// department, attendance for most, a few absent or rescheduled, and a few follow-up flags.

const BATCH_SIZE = 150;
const FOLLOW_UP_NOTES = ['建议三个月内复查', '建议专科随访', '建议半年后复查', '请关注复查结果'];
const PLACES = ['门诊楼三楼健康管理中心', '体检中心一楼'];
const latest = (a: string, b: string) => (a > b ? a : b);
const earliest = (a: string, b: string) => (a < b ? a : b);

export const checkupsGenerator: DemoGenerator = {
  name: 'checkups',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, deps } = ctx;
    const programme = await checkupsRepository.insertProgramme(tx, {
      orgId,
      name: `${ctx.year}年职工健康体检`,
      year: ctx.year,
      provider: '本院健康管理中心',
      budgetPerPersonFen: 60_000,
      referenceDate: `${ctx.year}-01-01`,
      employmentTypes: ['permanent', 'contract', 'recruited', 'agency'],
      minServiceYears: 1,
      statuses: ['member'],
      womenExtraItems: ['乳腺彩超', '妇科检查（TCT+HPV）'],
      createdByName: ctx.users.officer?.[0]?.displayName ?? '工会干事',
    });
    if (!programme) return {};
    const eligible = await checkupsRepository.freezeEligible(tx, programme);
    await checkupsRepository.updateProgramme(tx, orgId, programme.id, {
      status: 'published',
      eligibleCount: eligible,
      publishedAt: new Date(
        `${earliest(latest(addDays(ctx.today, -100), `${ctx.year}-01-02`), ctx.today)}T09:00:00+08:00`,
      ),
    });

    const people = await tx
      .select({ id: checkupParticipants.id })
      .from(checkupParticipants)
      .where(and(eq(checkupParticipants.orgId, orgId), eq(checkupParticipants.programmeId, programme.id)))
      .orderBy(asc(checkupParticipants.departmentName), asc(checkupParticipants.name));

    // Batches on weekdays spread over the last ~90 days (within the year), in department order.
    const batchCount = Math.max(1, Math.ceil(people.length / BATCH_SIZE));
    const first = earliest(latest(addDays(ctx.today, -90), `${ctx.year}-01-05`), ctx.today);
    const span = Math.max(0, (Date.parse(ctx.today) - Date.parse(first)) / 86_400_000);
    const batches = Array.from({ length: batchCount }, (_, i) => ({
      id: randomUUID(),
      orgId,
      programmeId: programme.id,
      date: addDays(first, Math.floor((span * i) / batchCount)),
      timeSlot: i % 2 === 0 ? '上午 7:30-10:00' : '上午 8:00-10:30',
      place: PLACES[i % PLACES.length],
      capacity: BATCH_SIZE,
    }));
    if (batches.length) await tx.insert(checkupBatches).values(batches);

    const ids: string[] = [];
    const batchIds: string[] = [];
    const attendance: string[] = [];
    const notes: (Buffer | null)[] = [];
    let attended = 0;
    let followUps = 0;
    people.forEach((p, i) => {
      const batch = batches[Math.floor(i / BATCH_SIZE)];
      const a = rng.weighted([
        ['attended', 90],
        ['absent', 6],
        ['rescheduled', 4],
      ] as const);
      const flag = a === 'attended' && rng.chance(0.015);
      ids.push(p.id);
      batchIds.push(batch.id);
      attendance.push(a);
      notes.push(flag ? deps.sealer.seal(rng.pick(FOLLOW_UP_NOTES)) : null);
      if (a === 'attended') attended++;
      if (flag) followUps++;
    });
    if (ids.length) {
      await tx.execute(sql`
        update ${checkupParticipants} p
        set batch_id = v.batch_id, attendance = v.attendance, attendance_at = now(),
            follow_up = v.note is not null, follow_up_note_enc = v.note,
            follow_up_at = case when v.note is not null then now() end,
            follow_up_by_name = case when v.note is not null then ${ctx.users.officer?.[0]?.displayName ?? '工会干事'} end
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(batchIds)}::uuid[], ${sql.param(attendance)}::text[], ${sql.param(notes)}::bytea[])
          as v(id, batch_id, attendance, note)
        where p.org_id = ${orgId} and p.id = v.id`);
    }
    return { checkupEligible: eligible, checkupAttended: attended, checkupFollowUps: followUps };
  },
};
