import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import { anonymous, setupTestApp, type TestContext } from '../../test/helpers.js';
import { readXlsx } from '../members/testkit.js';
import {
  acceptedProposal,
  ok,
  type ProposalWorld,
  proposalBody,
  proposalWorld,
  submittedProposal,
} from './testkit.js';

let ctx: TestContext;
let w: ProposalWorld;
beforeAll(async () => {
  ctx = await setupTestApp();
  w = await proposalWorld(ctx);
});

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

function upload(c: typeof w.officer, id: string, fileName: string, data: Buffer) {
  const boundary = '----gonghui';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request({
    method: 'POST',
    url: `/api/proposals/${id}/attachments`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('exports', () => {
  it('提案汇编 lists every numbered proposal of the meeting; 办理情况报告 in Word and Excel with totals; audited', async () => {
    const a = await acceptedProposal(w, { title: '改善值班室条件' });
    const b = await submittedProposal(w, { title: '提高夜班补贴' }, 1);
    await ok(
      await w.officer.post(`/api/proposals/${a.id}/assign`, {
        leadDepartmentId: w.logistics.id,
        coDepartmentIds: [w.hr.id],
        dueDate: addDays(today(), 20),
      }),
      'assign',
    );
    const q = `meetingId=${w.meeting.id}`;
    expect((await anonymous(ctx.app).get(`/api/proposals/export/compilation?${q}`)).statusCode).toBe(401);
    expect((await w.delegates[0].get(`/api/proposals/export/compilation?${q}`)).statusCode).toBe(403);
    expect((await w.officer.get('/api/proposals/export/compilation?meetingId=x')).statusCode).toBe(400);
    const comp = await w.officer.get(`/api/proposals/export/compilation?${q}`);
    expect(comp.statusCode).toBe(200);
    expect(comp.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(comp.rawPayload);
    expect(text).toContain('第三届第二次职工代表大会提案汇编');
    expect(text).toContain('三届二次-001');
    expect(text).toContain('改善值班室条件');
    expect(text).toContain('提高夜班补贴');
    // Each proposal lists its own confirmed co-signers (compared as sets: the order is the
    // database's collation).
    const listed = [...text.matchAll(/附议人：(.+?)类别：/g)].map((m) => m[1].split('、').sort());
    for (const p of [a, b]) {
      const view = await ok(await w.officer.get(`/api/proposals/${p.id}`), 'view');
      const names = (view.cosigners as { name: string; state: string }[])
        .filter((c) => c.state === 'confirmed')
        .map((c) => c.name)
        .sort();
      expect(names).toHaveLength(2);
      expect(listed).toContainEqual(names);
    }

    const word = await w.officer.get(`/api/proposals/export/report?${q}&format=docx`);
    expect(await docxText(word.rawPayload)).toContain('后勤保障处');
    const xlsx = await w.officer.get(`/api/proposals/export/report?${q}&format=xlsx`);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]).toEqual([
      '办理事项',
      '提案编号',
      '主办部门',
      '协办部门',
      '办理期限',
      '办理状态',
      '答复情况',
      '满意度',
    ]);
    expect(rows[1].slice(0, 4)).toEqual(['改善值班室条件', '三届二次-001', '后勤保障处', '人事处']);
    expect(rows.find((r) => r[0] === '提案总数')?.[1]).toBe(2);
    const audits = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.action, 'proposal.export'));
    expect(audits).toHaveLength(3);
  });
});

describe('attachments', () => {
  it('accepts allowed files from the proposer, refuses others, downloads with permission', async () => {
    const p = await ok(await w.delegates[0].post('/api/proposals', proposalBody(w)), 'create');
    const pdf = Buffer.from('%PDF-1.4 test');
    expect((await upload(w.delegates[1], p.id, 'a.pdf', pdf)).statusCode).toBe(404);
    const bad = await upload(w.delegates[0], p.id, 'run.exe', pdf);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('file');
    const big = await upload(w.delegates[0], p.id, 'big.pdf', Buffer.alloc(5 * 1_048_576 + 1));
    expect(big.statusCode).toBe(400);
    const saved = await upload(w.delegates[0], p.id, '调查表.pdf', pdf);
    expect(saved.statusCode).toBe(201);
    const fileId = saved.json().data.id;
    const url = `/api/proposals/${p.id}/attachments/${fileId}`;
    const got = await w.delegates[0].get(url);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain('attachment');
    expect(got.rawPayload.equals(pdf)).toBe(true);
    // A draft's files are as private as the draft.
    expect((await w.officer.get(url)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(url)).statusCode).toBe(401);
    expect((await w.delegates[0].delete(url)).statusCode).toBe(204);
    expect((await w.delegates[0].get(url)).statusCode).toBe(404);
  });
});
