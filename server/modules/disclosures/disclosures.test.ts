import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import {
  anonymous,
  type Client,
  createDepartment,
  createOrg,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { createMember, multipart } from '../members/testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

function body(extra: Record<string, unknown> = {}) {
  return {
    category: 'staffInterests',
    channel: 'noticeBoard',
    date: '2026-03-15',
    title: '2026年职工体检方案',
    content: '全体在职职工每年体检一次。',
    ...extra,
  };
}

async function org() {
  const o = await createOrg(ctx.deps);
  const officer = await loginAs(ctx, o.id, ['officer']);
  const member = await loginAs(ctx, o.id, ['member']);
  return { org: o, officer, member };
}

async function create(c: Client, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/disclosures', body(extra));
  if (res.statusCode !== 201) throw new Error(`create disclosure: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

async function published(c: Client, extra: Record<string, unknown> = {}) {
  const d = await create(c, extra);
  const res = await c.post(`/api/disclosures/${d.id}/publish`, { version: d.version });
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

function upload(c: Client, id: string, content: Buffer, fileName: string) {
  const { payload, headers } = multipart(content, fileName);
  return c.request({ method: 'POST', url: `/api/disclosures/${id}/attachments`, payload, headers });
}

describe('POST /disclosures', () => {
  it('401 anonymous, 403 for a member', async () => {
    const { member } = await org();
    expect((await anonymous(ctx.app).post('/api/disclosures', body())).statusCode).toBe(401);
    expect((await member.post('/api/disclosures', body())).statusCode).toBe(403);
  });

  it('400 naming the field: missing title, bad date, a category or channel not on the list', async () => {
    const { officer } = await org();
    const noTitle = await officer.post('/api/disclosures', body({ title: '' }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details[0]).toMatchObject({ path: 'title', message: '请填写标题' });
    expect(
      (await officer.post('/api/disclosures', body({ date: '2026-02-30' }))).json().error.details[0].path,
    ).toBe('date');
    const cat = await officer.post('/api/disclosures', body({ category: 'nope' }));
    expect(cat.statusCode).toBe(400);
    expect(cat.json().error.details[0].path).toBe('category');
    expect(
      (await officer.post('/api/disclosures', body({ channel: 'nope' }))).json().error.details[0].path,
    ).toBe('channel');
  });

  it('creates a draft with labels, abilities and an audit row', async () => {
    const { officer } = await org();
    const d = await create(officer);
    expect(d).toMatchObject({
      state: 'draft',
      categoryLabel: '职工切身利益',
      channelLabel: '公开栏',
      version: 1,
      abilities: { edit: true, actions: ['publish'] },
    });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'disclosure.create'), eq(auditLog.objectId, d.id)));
    expect(audit).toHaveLength(1);
  });
});

describe('publish, withdraw, edit: the state machine over HTTP', () => {
  it('403 for a member, 404 for another union, 409 on a wrong step or a stale version', async () => {
    const { officer, member } = await org();
    const other = await org();
    const d = await create(officer);
    expect((await member.post(`/api/disclosures/${d.id}/publish`, { version: 1 })).statusCode).toBe(403);
    expect((await other.officer.post(`/api/disclosures/${d.id}/publish`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect((await officer.post(`/api/disclosures/${NO_SUCH}/publish`, { version: 1 })).statusCode).toBe(404);
    const early = await officer.post(`/api/disclosures/${d.id}/withdraw`, { version: 1, reason: 'x' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态为“草稿”，不能执行“撤回”');
    expect((await officer.post(`/api/disclosures/${d.id}/publish`, { version: 7 })).json().error.code).toBe(
      'STALE_VERSION',
    );
    const pub = await officer.post(`/api/disclosures/${d.id}/publish`, { version: 1 });
    expect(pub.json().data).toMatchObject({
      state: 'published',
      version: 2,
      abilities: { edit: false, actions: ['withdraw'] },
    });
    expect((await officer.post(`/api/disclosures/${d.id}/publish`, { version: 2 })).statusCode).toBe(409);
    const edit = await officer.put(`/api/disclosures/${d.id}`, { ...body({ title: '改' }), version: 2 });
    expect(edit.statusCode).toBe(409);
  });

  it('withdraw needs a reason (400) and keeps it; a withdrawn item is gone for members', async () => {
    const { officer, member } = await org();
    const d = await published(officer);
    const noReason = await officer.post(`/api/disclosures/${d.id}/withdraw`, { version: d.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    expect((await member.get(`/api/disclosures/${d.id}`)).statusCode).toBe(200);
    const w = await officer.post(`/api/disclosures/${d.id}/withdraw`, {
      version: d.version,
      reason: '内容有误',
    });
    expect(w.json().data).toMatchObject({ state: 'withdrawn', withdrawReason: '内容有误' });
    expect((await member.get(`/api/disclosures/${d.id}`)).statusCode).toBe(404);
    expect((await officer.post(`/api/disclosures/${d.id}/publish`, { version: 3 })).statusCode).toBe(409);
  });

  it('two racing publishes: one succeeds, one 409', async () => {
    const { officer } = await org();
    const d = await create(officer);
    const results = await Promise.all([
      officer.post(`/api/disclosures/${d.id}/publish`, { version: 1 }),
      officer.post(`/api/disclosures/${d.id}/publish`, { version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('edits a draft (version checked)', async () => {
    const { officer } = await org();
    const d = await create(officer);
    const res = await officer.put(`/api/disclosures/${d.id}`, {
      ...body({ title: '新标题', channel: 'intranet' }),
      version: 1,
    });
    expect(res.json().data).toMatchObject({ title: '新标题', channelLabel: '局域网', version: 2 });
    expect((await officer.put(`/api/disclosures/${d.id}`, { ...body(), version: 1 })).statusCode).toBe(409);
    expect((await officer.put(`/api/disclosures/${d.id}`, { ...body(), version: 'x' })).statusCode).toBe(400);
  });
});

describe('publishing notifies the members', () => {
  /** A member's own account: a current member (joined) linked to a 'member' login. */
  async function memberAccount(officer: Client, orgId: string) {
    const dept = await createDepartment(ctx.deps, orgId);
    const m = await createMember(officer, dept.id, { joinedAt: '2015-01-01' });
    return loginAs(ctx, orgId, ['member'], { memberId: m.id });
  }
  const bell = async (c: Client) =>
    (await c.get('/api/notifications')).json().data as { kind: string; title: string; link: string }[];

  it('a member account gets 院务公开 on publish; none for a draft save; none in another union', async () => {
    const { org: o, officer } = await org();
    const other = await org();
    const mine = await memberAccount(officer, o.id);
    const theirs = await memberAccount(other.officer, other.org.id);
    const title = `职工食堂价格调整-${Date.now()}`;
    const d = await create(officer, { title });
    const edited = await officer.put(`/api/disclosures/${d.id}`, { ...body({ title }), version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(await bell(mine)).toEqual([]);

    const pub = await officer.post(`/api/disclosures/${d.id}/publish`, { version: 2 });
    expect(pub.statusCode).toBe(200);
    expect(await bell(mine)).toEqual([
      expect.objectContaining({
        kind: 'disclosurePublished',
        kindLabel: '院务公开',
        title,
        link: `/disclosures/${d.id}`,
      }),
    ]);
    expect(await bell(theirs)).toEqual([]);
    // The office account that published is not a member account: its bell stays quiet.
    expect(await bell(officer)).toEqual([]);
  });
});

describe('GET /disclosures, /disclosures/:id, /disclosures/stats', () => {
  it('401 anonymous; 403 for the account administrator (holds no disclosure:read)', async () => {
    const o = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, o.id, ['sysAdmin']);
    expect((await anonymous(ctx.app).get('/api/disclosures')).statusCode).toBe(401);
    expect((await admin.get('/api/disclosures')).statusCode).toBe(403);
    expect((await admin.get('/api/disclosures/stats?year=2026')).statusCode).toBe(403);
  });

  it('a member reads published items only; the office sees drafts; other unions see nothing', async () => {
    const { officer, member } = await org();
    const other = await org();
    const pub = await published(officer, { title: '食堂价格调整' });
    const draft = await create(officer, { title: '草稿中的方案' });
    const list = (await member.get('/api/disclosures')).json();
    expect(list.data.map((d: { id: string }) => d.id)).toEqual([pub.id]);
    expect(list.data[0].abilities).toEqual({ edit: false, actions: [] });
    expect((await member.get('/api/disclosures?state=draft')).json().data).toEqual([]);
    expect((await member.get(`/api/disclosures/${draft.id}`)).statusCode).toBe(404);
    expect((await officer.get('/api/disclosures')).json().page.total).toBe(2);
    expect((await officer.get('/api/disclosures?state=draft')).json().data[0].id).toBe(draft.id);
    expect((await other.member.get(`/api/disclosures/${pub.id}`)).statusCode).toBe(404);
    expect((await other.officer.get('/api/disclosures')).json().page.total).toBe(0);
    expect((await member.get('/api/disclosures?q=食堂')).json().page.total).toBe(1);
    expect((await member.get('/api/disclosures?year=2025')).json().page.total).toBe(0);
    expect((await member.get('/api/disclosures?year=1900')).statusCode).toBe(400);
  });

  it('counts published items of the year by category and channel, every listed entry included', async () => {
    const { officer, member } = await org();
    await published(officer, { category: 'majorDecisions', channel: 'congress' });
    await published(officer, { category: 'majorDecisions', channel: 'intranet' });
    await published(officer, { category: 'integrity', date: '2025-12-31' });
    await create(officer, { category: 'operations' });
    const s = (await member.get('/api/disclosures/stats?year=2026')).json().data;
    expect(s.total).toBe(2);
    expect(s.byCategory).toEqual([
      { category: 'majorDecisions', label: '重大决策', count: 2 },
      { category: 'operations', label: '经营管理', count: 0 },
      { category: 'staffInterests', label: '职工切身利益', count: 0 },
      { category: 'integrity', label: '党风廉政', count: 0 },
    ]);
    expect(s.byChannel.find((c: { channel: string }) => c.channel === 'congress').count).toBe(1);
    expect((await member.get('/api/disclosures/stats')).statusCode).toBe(400);
  });
});

describe('settings: the union’s categories and channels', () => {
  const settings = {
    categories: [
      { code: 'majorDecisions', label: '重大事项' },
      { code: 'staffInterests', label: '职工切身利益' },
      { code: 'finance', label: '财务公开' },
    ],
    channels: [{ code: 'noticeBoard', label: '公开栏' }],
  };

  it('403 for a member, 400 for duplicate codes, 409 when removing a code in use, then renames and adds', async () => {
    const { officer, member } = await org();
    expect((await member.get('/api/disclosures/settings')).json().data.categories).toHaveLength(4);
    expect((await member.put('/api/disclosures/settings', settings)).statusCode).toBe(403);
    const dup = await officer.put('/api/disclosures/settings', {
      ...settings,
      channels: [
        { code: 'a', label: '甲' },
        { code: 'a', label: '乙' },
      ],
    });
    expect(dup.statusCode).toBe(400);
    await create(officer, { category: 'integrity' });
    const inUse = await officer.put('/api/disclosures/settings', settings);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain('integrity');
    const ok = await officer.put('/api/disclosures/settings', {
      ...settings,
      categories: [...settings.categories, { code: 'integrity', label: '廉政' }],
    });
    expect(ok.statusCode).toBe(200);
    const d = await create(officer, { category: 'finance' });
    expect(d.categoryLabel).toBe('财务公开');
    expect((await officer.post('/api/disclosures', body({ channel: 'intranet' }))).statusCode).toBe(400);
  });
});

describe('attachments', () => {
  it('uploads to a draft, members download once published; limits on type and size; 409 after publishing', async () => {
    const { officer, member } = await org();
    const other = await org();
    const d = await create(officer);
    const pdf = Buffer.from('%PDF-1.4 test');
    expect((await upload(member, d.id, pdf, '方案.pdf')).statusCode).toBe(403);
    expect((await upload(other.officer, d.id, pdf, '方案.pdf')).statusCode).toBe(404);
    const exe = await upload(officer, d.id, pdf, 'virus.exe');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details[0].path).toBe('file');
    expect((await upload(officer, d.id, Buffer.alloc(5 * 1024 * 1024 + 1), 'big.pdf')).statusCode).toBe(413);
    const up = await upload(officer, d.id, pdf, '方案.pdf');
    expect(up.statusCode).toBe(201);
    const [att] = up.json().data.attachments;
    expect(att).toMatchObject({ fileName: '方案.pdf', mimeType: 'application/pdf', size: pdf.length });

    const url = `/api/disclosures/${d.id}/attachments/${att.id}`;
    expect((await member.get(url)).statusCode).toBe(404);
    await officer.post(`/api/disclosures/${d.id}/publish`, { version: 1 });
    const dl = await member.get(url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect((await other.member.get(url)).statusCode).toBe(404);
    expect((await upload(officer, d.id, pdf, '补充.pdf')).statusCode).toBe(409);
    expect((await officer.delete(url)).statusCode).toBe(409);
  });

  it('removes an attachment from a draft; 404 for a missing one', async () => {
    const { officer } = await org();
    const d = await create(officer);
    const [att] = (await upload(officer, d.id, Buffer.from('hello'), '说明.txt')).json().data.attachments;
    expect((await officer.delete(`/api/disclosures/${d.id}/attachments/${NO_SUCH}`)).statusCode).toBe(404);
    const res = await officer.delete(`/api/disclosures/${d.id}/attachments/${att.id}`);
    expect(res.json().data.attachments).toEqual([]);
  });
});
