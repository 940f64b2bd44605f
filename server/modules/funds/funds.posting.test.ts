import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { setupTestApp, type TestContext } from '../../test/helpers.js';
import { FUND_CATEGORY_CODES } from './funds.chart.js';
import { fundsPosting, type PostingInput } from './funds.posting.js';
import { type FundsOrg, fundsOrg, ok, setBudget, thisYear, todayDate } from './testkit.js';

let ctx: TestContext;
let o: FundsOrg;
const actor = () => ({
  orgId: o.org.id,
  userId: o.treasurer.user.id,
  name: '会计',
  roles: 'treasurer',
  ip: null,
});

function input(extra: Partial<PostingInput> = {}): PostingInput {
  return {
    orgId: o.org.id,
    source: { module: 'visit', id: 'v-1' },
    categoryCode: FUND_CATEGORY_CODES.festivalCare,
    amountFen: 50_000,
    date: todayDate(),
    kind: 'expense',
    payee: '张三',
    summary: '春节慰问',
    ...extra,
  };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const post = (extra: Partial<PostingInput> = {}) =>
  ctx.deps.db.transaction((tx) => fundsPosting.post(tx, actor(), input(extra)));

beforeAll(async () => {
  ctx = await setupTestApp();
  o = await fundsOrg(ctx);
});

describe('fundsPosting.post', () => {
  it('books an expense by rule under the direct limit, with its source', async () => {
    const e = await post();
    expect(e).toMatchObject({
      kind: 'expense',
      amountFen: 50_000,
      sourceModule: 'visit',
      sourceId: 'v-1',
      approvedBy: 'rule',
    });
    expect(e.period).toBe(todayDate().slice(0, 7));
  });

  it.each([
    [12.5, '金额须为整数（单位：分）'],
    [-100, '金额须大于0'],
    [0, '金额须大于0'],
    [1_000_000_001, '金额不得超过10,000,000.00元'],
  ])('refuses amount %s with 400 naming 金额', async (amountFen, message) => {
    const e = await failure(post({ amountFen }));
    expect(e.status).toBe(400);
    expect(e.details?.[0]).toEqual({ path: 'amountFen', message });
  });

  it('refuses an unknown category, a kind mismatch and a parent category', async () => {
    expect((await failure(post({ categoryCode: 'nope' }))).status).toBe(400);
    expect((await failure(post({ categoryCode: FUND_CATEGORY_CODES.dues }))).details?.[0].path).toBe(
      'categoryId',
    );
    const parent = await failure(post({ categoryCode: '502' }));
    expect(parent.details?.[0].message).toContain('末级科目');
  });

  it('refuses another org’s category id', async () => {
    const other = await fundsOrg(ctx);
    const c = await other.category(FUND_CATEGORY_CODES.festivalCare);
    expect((await failure(post({ categoryCode: undefined, categoryId: c.id }))).status).toBe(400);
  });

  it('needs an approved request above the direct limit', async () => {
    const e = await failure(post({ amountFen: 200_001 }));
    expect(e.status).toBe(409);
    expect(e.code).toBe('APPROVAL_REQUIRED');
  });

  it('books a payment its module’s own workflow approved, above the direct limit, as approved there', async () => {
    const e = await post({ amountFen: 500_000, approvedInWorkflow: true });
    expect(e.approvedBy).toBe('workflow');
    expect(e.expenseRequestId).toBeNull();
  });

  it('books income without approval or budget', async () => {
    const e = await post({
      kind: 'income',
      categoryCode: FUND_CATEGORY_CODES.allocation,
      amountFen: 900_000_000,
    });
    expect(e.approvedBy).toBeNull();
  });
});

describe('the ledger is append-only', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE of an entry', async () => {
    const e = await post();
    await expect(
      ctx.deps.db.execute(sql`update ledger_entries set amount_fen = 1 where id = ${e.id}`),
    ).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`delete from ledger_entries where id = ${e.id}`)).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`truncate ledger_entries cascade`)).rejects.toThrow();
    const res = await ctx.deps.db.execute<{ amount_fen: number }>(
      sql`select amount_fen from ledger_entries where id = ${e.id}`,
    );
    expect(Number(res.rows[0].amount_fen)).toBe(50_000);
  });

  it('a reversal is a new negative entry linked to the original; once only, never of a reversal', async () => {
    const e = await post({ amountFen: 12_345 });
    const rev = await ctx.deps.db.transaction((tx) =>
      fundsPosting.reverse(tx, actor(), {
        orgId: o.org.id,
        entryId: e.id,
        date: todayDate(),
        reason: '金额录错',
      }),
    );
    expect(rev).toMatchObject({
      amountFen: -12_345,
      reversesEntryId: e.id,
      kind: 'expense',
      categoryId: e.categoryId,
    });
    const again = await failure(
      ctx.deps.db.transaction((tx) =>
        fundsPosting.reverse(tx, actor(), { orgId: o.org.id, entryId: e.id, date: todayDate(), reason: 'x' }),
      ),
    );
    expect(again.status).toBe(409);
    const ofReversal = await failure(
      ctx.deps.db.transaction((tx) =>
        fundsPosting.reverse(tx, actor(), {
          orgId: o.org.id,
          entryId: rev.id,
          date: todayDate(),
          reason: 'x',
        }),
      ),
    );
    expect(ofReversal.status).toBe(409);
  });
});

describe('closed periods', () => {
  it('refuse posting (409) and the trigger refuses a direct insert too', async () => {
    const org = await fundsOrg(ctx);
    const c = await org.category(FUND_CATEGORY_CODES.festivalCare);
    const lastYear = thisYear() - 1;
    ok(await org.treasurer.post('/api/funds/periods/close-year', { year: lastYear }));
    const e = await failure(
      ctx.deps.db.transaction((tx) =>
        fundsPosting.post(
          tx,
          { ...actor(), orgId: org.org.id },
          { ...input(), orgId: org.org.id, date: `${lastYear}-06-15` },
        ),
      ),
    );
    expect(e.status).toBe(409);
    expect(e.message).toContain('已结账');
    const direct = await ctx.deps.db
      .execute(sql`
        insert into ledger_entries (org_id, entry_date, period, kind, category_id, amount_fen, counterparty, summary, source_module)
        values (${org.org.id}, ${`${lastYear}-06-15`}, ${`${lastYear}-06`}, 'expense', ${c.id}, 100, 'x', 'x', 'manual')`)
      .catch((err: { cause?: { code?: string } }) => err.cause?.code);
    expect(direct).toBe('GHF01');
    // And a closed period is never reopened.
    await expect(
      ctx.deps.db.execute(sql`delete from fund_periods where org_id = ${org.org.id}`),
    ).rejects.toThrow();
  });
});

describe('budget rule under concurrency', () => {
  it('parallel payments never overspend a category whose rule refuses', async () => {
    const org = await fundsOrg(ctx);
    const c = await org.category(FUND_CATEGORY_CODES.recreation);
    ok(await org.treasurer.put(`/api/funds/categories/${c.id}`, { overBudgetRule: 'refuse' }));
    await setBudget(org.treasurer, c.id, 500_000);
    const a = { ...actor(), orgId: org.org.id };
    // 10 payments of 1,000元 against a 5,000元 budget, all at once.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        ctx.deps.db.transaction((tx) =>
          fundsPosting.post(tx, a, {
            ...input(),
            orgId: org.org.id,
            categoryCode: FUND_CATEGORY_CODES.recreation,
            amountFen: 100_000,
            summary: `奖品 ${i}`,
          }),
        ),
      ),
    );
    const okCount = results.filter((r) => r.status === 'fulfilled').length;
    expect(okCount).toBe(5);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('OVER_BUDGET');
    }
    const res = await ctx.deps.db.execute<{ s: number }>(
      sql`select sum(amount_fen) as s from ledger_entries where org_id = ${org.org.id} and category_id = ${c.id}`,
    );
    expect(Number(res.rows[0].s)).toBe(500_000);
  });

  it('the flag rule lets an over-budget expense through, marked', async () => {
    const org = await fundsOrg(ctx);
    const e = await ctx.deps.db.transaction((tx) =>
      fundsPosting.post(tx, { ...actor(), orgId: org.org.id }, { ...input(), orgId: org.org.id }),
    );
    expect(e.overBudget).toBe(true);
  });
});

describe('ledger_totals', () => {
  it('follows every insert, reversals included, per org, period and category', async () => {
    const res = await ctx.deps.db.execute<{ diff: number }>(sql`
      select count(*)::int as diff from (
        select org_id, period, category_id, sum(amount_fen) as s, count(*)::int as n
        from ledger_entries group by org_id, period, category_id
      ) e full join ledger_totals t using (org_id, period, category_id)
      where e.s is distinct from t.amount_fen or e.n is distinct from t.entry_count
    `);
    const [{ n }] = (
      await ctx.deps.db.execute<{ n: number }>(sql`select count(*)::int as n from ledger_totals`)
    ).rows;
    expect(n).toBeGreaterThan(3);
    expect(res.rows[0].diff).toBe(0);
  });
});
