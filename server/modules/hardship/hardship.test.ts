import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HardshipFileView } from '../../../common/schemas/hardship.js';
import { auditLog, hardshipDocuments, hardshipEvents, hardshipFiles } from '../../db/schema/index.js';
import { anonymous, type Client, setupTestApp, type TestContext } from '../../test/helpers.js';
import { multipart } from '../members/testkit.js';
import { oneYearAfter } from './hardship.dates.js';
import { type CareOrg, careOrg, daysFromToday } from './testkit.js';

let ctx: TestContext;
let o: CareOrg;
beforeAll(async () => {
  ctx = await setupTestApp();
  o = await careOrg(ctx);
});

const HOUSEHOLD_NAME = '王秀英';
const body = (memberId: string, extra: Record<string, unknown> = {}) => ({
  memberId,
  level: 'special',
  reasons: ['illness', 'childrenInSchool'],
  household: [
    { name: HOUSEHOLD_NAME, relation: '配偶', age: 41, situation: '尿毒症，长期透析，无业' },
    { name: '王小明', relation: '子女', age: 16, situation: '高中在读' },
  ],
  monthlyIncomePerHeadFen: 123_456,
  situation: '配偶长期透析，医疗费用负担重',
  registeredOn: daysFromToday(-10),
  ...extra,
});

function ok(res: { statusCode: number; body: string; json: () => { data: unknown } }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json().data as HardshipFileView;
}

async function newFile(extra: Record<string, unknown> = {}) {
  const m = await o.member();
  return ok(await o.officer.post('/api/care/hardship', body(m.id, extra)), 201);
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n收入证明 月收入1234.56元\n'), Buffer.alloc(100, 32)]);
const upload = (c: Client, id: string, content = PDF, name = '收入证明.pdf') => {
  const { payload, headers } = multipart(content, name);
  return c.request({ method: 'POST', url: `/api/care/hardship/${id}/documents`, payload, headers });
};

describe('hardship files: access', () => {
  it('401 for anyone signed out, 403 for a group leader, the committee sees counts only', async () => {
    const f = await newFile();
    const anon = anonymous(ctx.app);
    const urls = ['/api/care/hardship', '/api/care/hardship/summary', `/api/care/hardship/${f.id}`];
    for (const url of urls) {
      expect((await anon.get(url)).statusCode).toBe(401);
      expect((await o.groupLeader.get(url)).statusCode).toBe(403);
    }
    expect((await anon.post('/api/care/hardship', body(f.memberId))).statusCode).toBe(401);
    expect((await o.groupLeader.post('/api/care/hardship', body(f.memberId))).statusCode).toBe(403);
    expect((await o.committee.post('/api/care/hardship', body(f.memberId))).statusCode).toBe(403);
    expect((await o.groupLeader.get(`/api/care/hardship/${f.id}/documents/${f.id}`)).statusCode).toBe(403);
    expect((await upload(o.groupLeader, f.id)).statusCode).toBe(403);
    expect((await upload(anon, f.id)).statusCode).toBe(401);
    for (const path of ['reviews', 'close']) {
      expect((await o.groupLeader.post(`/api/care/hardship/${f.id}/${path}`, {})).statusCode).toBe(403);
      expect((await anon.post(`/api/care/hardship/${f.id}/${path}`, {})).statusCode).toBe(401);
    }
    expect((await o.groupLeader.put(`/api/care/hardship/${f.id}`, {})).statusCode).toBe(403);
    const doc = `/api/care/hardship/${f.id}/documents/${f.id}`;
    expect((await anon.delete(doc)).statusCode).toBe(401);
    expect((await o.groupLeader.delete(doc)).statusCode).toBe(403);
    expect((await o.committee.delete(doc)).statusCode).toBe(403);
    expect((await o.officer.delete(doc)).statusCode).toBe(404);

    expect((await o.committee.get('/api/care/hardship')).statusCode).toBe(403);
    expect((await o.committee.get(`/api/care/hardship/${f.id}`)).statusCode).toBe(403);
    const summary = await o.committee.get('/api/care/hardship/summary');
    expect(summary.statusCode).toBe(200);
    expect(summary.json().data.byLevel.special).toBeGreaterThanOrEqual(1);
    expect(summary.body).not.toContain(HOUSEHOLD_NAME);
  });

  it("another union's file is a 404 on every route", async () => {
    const f = await newFile();
    const other = await careOrg(ctx);
    expect((await other.officer.get(`/api/care/hardship/${f.id}`)).statusCode).toBe(404);
    const put = await other.officer.put(`/api/care/hardship/${f.id}`, { ...body(f.memberId), version: 1 });
    expect(put.statusCode).toBe(400); // memberId and registeredOn are not update fields
    const { memberId: _m, registeredOn: _r, ...update } = body(f.memberId);
    expect(
      (await other.officer.put(`/api/care/hardship/${f.id}`, { ...update, version: 1 })).statusCode,
    ).toBe(404);
    const review = { reviewedOn: daysFromToday(0), outcome: 'continue', version: 1 };
    expect((await other.officer.post(`/api/care/hardship/${f.id}/reviews`, review)).statusCode).toBe(404);
    const close = { closedOn: daysFromToday(0), reason: '收入改善', version: 1 };
    expect((await other.officer.post(`/api/care/hardship/${f.id}/close`, close)).statusCode).toBe(404);
    expect((await upload(other.officer, f.id)).statusCode).toBe(404);
    // The member of another union cannot be filed either.
    const res = await other.officer.post('/api/care/hardship', body(f.memberId));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('memberId');
    expect((await o.officer.get(`/api/care/hardship/${f.memberId}`)).statusCode).toBe(404);
  });
});

describe('hardship files: register', () => {
  it('400 names each bad field', async () => {
    const m = await o.member();
    const res = await o.officer.post(
      '/api/care/hardship',
      body(m.id, {
        level: 'poor',
        reasons: [],
        monthlyIncomePerHeadFen: 12.5,
        household: [{ name: '', relation: '子女', age: -1 }],
        registeredOn: '2025-02-30',
      }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'level',
        'reasons',
        'monthlyIncomePerHeadFen',
        'household.0.name',
        'household.0.age',
        'registeredOn',
      ]),
    );
    const future = await o.officer.post('/api/care/hardship', body(m.id, { registeredOn: daysFromToday(3) }));
    expect(future.json().error.details[0].path).toBe('registeredOn');
  });

  it('keeps household and income sealed at rest, shows them to care:read, audits every look', async () => {
    const f = await newFile();
    expect(f).toMatchObject({
      status: 'active',
      level: 'special',
      monthlyIncomePerHeadFen: 123_456,
      nextReviewOn: oneYearAfter(daysFromToday(-10)),
      reviewDue: false,
    });
    expect(f.household.map((h) => h.name)).toEqual([HOUSEHOLD_NAME, '王小明']);
    expect(f.events.map((e) => e.kind)).toEqual(['registered']);

    const { rows } = await ctx.pool.query('select * from hardship_files where id = $1', [f.id]);
    const raw =
      JSON.stringify(rows[0]) + rows[0].details_enc.toString('utf8') + rows[0].details_enc.toString('latin1');
    for (const plain of [HOUSEHOLD_NAME, '123456', '透析', 'monthlyIncome']) expect(raw).not.toContain(plain);

    const audits = () =>
      ctx.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, f.id), eq(auditLog.action, 'care.hardship.view')));
    expect(await audits()).toHaveLength(0);
    const seen = ok(await o.chair.get(`/api/care/hardship/${f.id}`));
    expect(seen.household[0]?.situation).toBe('尿毒症，长期透析，无业');
    ok(await o.officer.get(`/api/care/hardship/${f.id}`));
    const rowsAfter = await audits();
    expect(rowsAfter).toHaveLength(2);
    expect(new Set(rowsAfter.map((a) => a.actorId))).toEqual(new Set([o.chair.user.id, o.officer.user.id]));
  });

  it('one active file per member: 409 for a second, a new file once the first is closed', async () => {
    const f = await newFile();
    const again = await o.officer.post('/api/care/hardship', body(f.memberId));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已有在档');

    // Two racing registrations: one success, one 409.
    const m = await o.member();
    const race = await Promise.all([
      o.officer.post('/api/care/hardship', body(m.id)),
      o.chair.post('/api/care/hardship', body(m.id)),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);

    ok(
      await o.officer.post(`/api/care/hardship/${f.id}/close`, {
        closedOn: daysFromToday(0),
        reason: '配偶康复，收入改善',
        version: f.version,
      }),
    );
    const reopened = ok(
      await o.officer.post(
        '/api/care/hardship',
        body(f.memberId, { registeredOn: daysFromToday(0), level: 'general' }),
      ),
      201,
    );
    expect(reopened.id).not.toBe(f.id);
    expect(reopened.otherFiles).toEqual([
      expect.objectContaining({ id: f.id, status: 'closed', closedOn: daysFromToday(0) }),
    ]);
  });
});

describe('hardship files: update, review, close', () => {
  it('updates with the version it read; 409 on a stale one', async () => {
    const f = await newFile();
    const { memberId: _m, registeredOn: _r, ...update } = body(f.memberId);
    const bad = await o.officer.put(`/api/care/hardship/${f.id}`, {
      ...update,
      monthlyIncomePerHeadFen: -1,
      version: f.version,
    });
    expect(bad.json().error.details[0].path).toBe('monthlyIncomePerHeadFen');
    const changed = ok(
      await o.officer.put(`/api/care/hardship/${f.id}`, {
        ...update,
        level: 'deep',
        monthlyIncomePerHeadFen: 80_000,
        version: f.version,
      }),
    );
    expect(changed).toMatchObject({ level: 'deep', monthlyIncomePerHeadFen: 80_000, version: f.version + 1 });
    expect(changed.events.at(-1)).toMatchObject({ kind: 'updated', levelFrom: 'special', levelTo: 'deep' });
    const stale = await o.officer.put(`/api/care/hardship/${f.id}`, { ...update, version: f.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('lists files due for review (within 30 days or past) and takes them off once reviewed', async () => {
    const overdue = await newFile({ registeredOn: daysFromToday(-400) });
    const soon = await newFile({ registeredOn: daysFromToday(-345) });
    const later = await newFile({ registeredOn: daysFromToday(-300) });
    const due = await o.officer.get('/api/care/hardship?reviewDue=true&pageSize=200');
    expect(due.statusCode).toBe(200);
    const ids = due.json().data.map((x: { id: string }) => x.id);
    expect(ids).toContain(overdue.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
    const o1 = due.json().data.find((x: { id: string }) => x.id === overdue.id);
    expect(o1).toMatchObject({ reviewDue: true, overdue: true });
    expect(due.json().data.find((x: { id: string }) => x.id === soon.id)).toMatchObject({ overdue: false });

    const reviewed = ok(
      await o.officer.post(`/api/care/hardship/${overdue.id}/reviews`, {
        reviewedOn: daysFromToday(0),
        outcome: 'continue',
        level: 'general',
        monthlyIncomePerHeadFen: 150_000,
        note: '配偶病情稳定',
        version: overdue.version,
      }),
    );
    expect(reviewed).toMatchObject({
      status: 'active',
      level: 'general',
      monthlyIncomePerHeadFen: 150_000,
      nextReviewOn: oneYearAfter(daysFromToday(0)),
      reviewDue: false,
    });
    expect(reviewed.household).toHaveLength(2); // the household stays as it was
    expect(reviewed.events.at(-1)).toMatchObject({
      kind: 'reviewed',
      outcome: 'continue',
      levelFrom: 'special',
      levelTo: 'general',
      note: '配偶病情稳定',
    });
    const after = await o.officer.get('/api/care/hardship?reviewDue=true&pageSize=200');
    expect(after.json().data.map((x: { id: string }) => x.id)).not.toContain(overdue.id);
    const [ev] = await ctx.deps.db
      .select()
      .from(hardshipEvents)
      .where(and(eq(hardshipEvents.fileId, overdue.id), eq(hardshipEvents.kind, 'reviewed')));
    expect(ev?.noteEnc?.toString('utf8')).not.toContain('病情');
  });

  it('a review may close the file (its note is the reason); closed files take no more steps', async () => {
    const f = await newFile();
    const review = { reviewedOn: daysFromToday(0), outcome: 'close', version: f.version };
    const noNote = await o.officer.post(`/api/care/hardship/${f.id}/reviews`, review);
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0].path).toBe('note');
    const early = await o.officer.post(`/api/care/hardship/${f.id}/reviews`, {
      ...review,
      note: '已脱困',
      reviewedOn: daysFromToday(-20),
    });
    expect(early.json().error.details[0].path).toBe('reviewedOn');
    const closed = ok(
      await o.officer.post(`/api/care/hardship/${f.id}/reviews`, { ...review, note: '子女已工作，已脱困' }),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: daysFromToday(0),
      closeReason: '子女已工作，已脱困',
      reviewDue: false,
    });

    const { memberId: _m, registeredOn: _r, ...update } = body(f.memberId);
    const steps: [string, 'post' | 'put', unknown][] = [
      ['reviews', 'post', { reviewedOn: daysFromToday(0), outcome: 'continue', version: closed.version }],
      ['close', 'post', { closedOn: daysFromToday(0), reason: '再次退出', version: closed.version }],
      ['', 'put', { ...update, version: closed.version }],
    ];
    for (const [path, method, payload] of steps) {
      const url = `/api/care/hardship/${f.id}${path ? `/${path}` : ''}`;
      const res = method === 'put' ? await o.officer.put(url, payload) : await o.officer.post(url, payload);
      expect(res.statusCode, path || 'put').toBe(409);
      expect(res.json().error.code).toBe('INVALID_TRANSITION');
    }
    expect((await upload(o.officer, f.id)).statusCode).toBe(409);
  });

  it('closes with a reason; the history is kept', async () => {
    const f = await newFile();
    const noReason = await o.officer.post(`/api/care/hardship/${f.id}/close`, {
      closedOn: daysFromToday(0),
      reason: '',
      version: f.version,
    });
    expect(noReason.json().error.details[0].path).toBe('reason');
    const closed = ok(
      await o.officer.post(`/api/care/hardship/${f.id}/close`, {
        closedOn: daysFromToday(0),
        reason: '调离本院',
        version: f.version,
      }),
    );
    expect(closed.events.map((e) => e.kind)).toEqual(['registered', 'closed']);
    expect(closed.events[1]?.note).toBe('调离本院');
    const listed = await o.officer.get('/api/care/hardship?status=closed&pageSize=200');
    expect(listed.json().data.map((x: { id: string }) => x.id)).toContain(f.id);
  });
});

describe('hardship files: list filters and summary', () => {
  it('filters by level, department and name; summary counts active files by level', async () => {
    const other = await careOrg(ctx);
    const m = await other.member({ name: '赵困难' });
    const f = ok(await other.officer.post('/api/care/hardship', body(m.id, { level: 'deep' })), 201);
    const m2 = await other.member();
    ok(
      await other.officer.post(
        '/api/care/hardship',
        body(m2.id, { level: 'general', registeredOn: daysFromToday(-360) }),
      ),
      201,
    );
    const byLevel = (await other.officer.get('/api/care/hardship?level=deep')).json();
    expect(byLevel.data.map((x: { id: string }) => x.id)).toEqual([f.id]);
    expect(byLevel.page.total).toBe(1);
    const byName = (await other.officer.get(`/api/care/hardship?q=${encodeURIComponent('赵困')}`)).json();
    expect(byName.data.map((x: { id: string }) => x.id)).toEqual([f.id]);
    const dept = (await other.officer.get(`/api/care/hardship?departmentId=${other.dept.id}`)).json();
    expect(dept.page.total).toBe(2);
    const bad = await other.officer.get('/api/care/hardship?level=poor&reviewDue=yes');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['level', 'reviewDue']);
    const s = (await other.committee.get('/api/care/hardship/summary')).json().data;
    expect(s).toEqual({ active: 2, closed: 0, reviewDue: 1, byLevel: { general: 1, special: 0, deep: 1 } });
  });

  it('lists the files on the register on a past day and those registered in a year; 400 naming each', async () => {
    const other = await careOrg(ctx);
    // Written directly: the API dates a file today or earlier and closes it through its workflow.
    const file = async (registeredOn: string, closedOn: string | null) => {
      const m = await other.member();
      const [row] = await ctx.deps.db
        .insert(hardshipFiles)
        .values({
          orgId: other.org.id,
          memberId: m.id,
          level: 'general',
          reasons: ['illness'],
          detailsEnc: Buffer.from('sealed'),
          registeredOn,
          nextReviewOn: oneYearAfter(registeredOn),
          status: closedOn ? 'closed' : 'active',
          closedOn,
        })
        .returning();
      return row.id;
    };
    const a = await file('2019-03-01', '2021-06-30');
    const b = await file('2020-05-01', null);
    const c = await file('2021-02-01', '2021-12-31');
    const d = await file('2022-01-01', null);
    const ids = async (query: string) => {
      const res = (await other.officer.get(`/api/care/hardship?${query}`)).json();
      expect(res.page.total).toBe(res.data.length);
      return res.data.map((x: { id: string }) => x.id).sort();
    };
    expect(await ids('activeOn=2019-02-28')).toEqual([]);
    expect(await ids('activeOn=2020-12-31')).toEqual([a, b].sort());
    // Closed on the day: off the register that day.
    expect(await ids('activeOn=2021-06-30')).toEqual([b, c].sort());
    expect(await ids('activeOn=2021-12-31')).toEqual([b]);
    expect(await ids(`activeOn=${daysFromToday(0)}`)).toEqual([b, d].sort());
    expect(await ids('registeredYear=2021')).toEqual([c]);
    expect(await ids('registeredYear=2021&activeOn=2021-12-31')).toEqual([]);
    expect(await ids('registeredYear=2022&activeOn=2022-12-31')).toEqual([d]);
    for (const [query, path, label] of [
      ['activeOn=2021-13-01', 'activeOn', '在档日期'],
      ['activeOn=yesterday', 'activeOn', '在档日期'],
      ['registeredYear=abc', 'registeredYear', '建档年度'],
      ['registeredYear=1999', 'registeredYear', '建档年度'],
    ]) {
      const res = await other.officer.get(`/api/care/hardship?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].path).toBe(path);
      expect(res.json().error.details[0].message).toContain(label);
    }
  });
});

describe('hardship files: supporting documents', () => {
  it('sealed at rest, downloaded by care:read with an audit row, removable while active', async () => {
    const f = await newFile();
    const doc = ok(await upload(o.officer, f.id), 201) as unknown as { id: string; fileName: string };
    expect(doc).toMatchObject({
      fileName: '收入证明.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    const [raw] = await ctx.deps.db.select().from(hardshipDocuments).where(eq(hardshipDocuments.id, doc.id));
    expect(raw?.contentEnc.includes(Buffer.from('%PDF'))).toBe(false);

    const bad = await upload(o.officer, f.id, Buffer.from('MZ not a document'), 'x.pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('file');

    const got = await o.chair.get(`/api/care/hardship/${f.id}/documents/${doc.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const views = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, f.id), eq(auditLog.action, 'care.hardship.document.view')));
    expect(views).toHaveLength(1);
    const other = await careOrg(ctx);
    expect((await other.chair.get(`/api/care/hardship/${f.id}/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.officer.delete(`/api/care/hardship/${f.id}/documents/${doc.id}`)).statusCode).toBe(
      404,
    );

    const detail = ok(await o.officer.get(`/api/care/hardship/${f.id}`));
    expect(detail.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(detail.events.map((e) => e.kind)).toEqual(['registered', 'documentAdded']);
    expect((await o.officer.delete(`/api/care/hardship/${f.id}/documents/${doc.id}`)).statusCode).toBe(204);
    expect((await o.officer.delete(`/api/care/hardship/${f.id}/documents/${doc.id}`)).statusCode).toBe(404);
    const [file] = await ctx.deps.db.select().from(hardshipFiles).where(eq(hardshipFiles.id, f.id));
    expect(file?.status).toBe('active');
  });
});
