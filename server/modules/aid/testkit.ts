import type { LightMyRequestResponse } from 'fastify';
import { permissionsOf, type Role } from '../../../common/permissions.js';
import type { AidCaseView } from '../../../common/schemas/aid.js';
import type { AuthContext } from '../../lib/context.js';
import {
  type Client,
  createDepartment,
  createOrg,
  createUser,
  loginAs,
  type TestContext,
} from '../../test/helpers.js';
import { createMember, multipart } from '../members/testkit.js';

// Test helpers of aid cases: a union with every role that takes a step, members with and without
// accounts, material uploads and a case walked to a given step.

export const PDF = Buffer.from('%PDF-1.4\n% aid material\n');

/**
 * A union with two departments (内科 with a group leader, 外科 with another, 行政 with none), an
 * officer, the chair, a committee member, and members: 张三 (内科, with an account), 李四 (内科),
 * 王五 (行政, with an account).
 */
export async function aidOrg(ctx: TestContext) {
  const org = await createOrg(ctx.deps);
  const internal = await createDepartment(ctx.deps, org.id, '内科');
  const surgery = await createDepartment(ctx.deps, org.id, '外科');
  const admin = await createDepartment(ctx.deps, org.id, '行政');
  const officer = await loginAs(ctx, org.id, ['officer']);
  const chair = await loginAs(ctx, org.id, ['chair']);
  const committee = await loginAs(ctx, org.id, ['committeeMember']);
  const leader = await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [internal.id] });
  const otherLeader = await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [surgery.id] });
  const zhang = await createMember(officer, internal.id, { name: '张三' });
  const li = await createMember(officer, internal.id, { name: '李四' });
  const wang = await createMember(officer, admin.id, { name: '王五' });
  const zhangUser = await loginAs(ctx, org.id, ['member'], { memberId: zhang.id });
  const wangUser = await loginAs(ctx, org.id, ['member'], { memberId: wang.id });
  const unlinked = await loginAs(ctx, org.id, ['member']);
  return {
    org,
    internal,
    surgery,
    admin,
    officer,
    chair,
    committee,
    leader,
    otherLeader,
    zhang,
    li,
    wang,
    zhangUser,
    wangUser,
    unlinked,
  };
}
export type AidOrg = Awaited<ReturnType<typeof aidOrg>>;

export function applyBody(memberId: string, extra: Record<string, unknown> = {}) {
  return {
    memberId,
    kind: 'illness',
    amountAskedFen: 1_500_000,
    reason: '肾移植手术，家中两个孩子上学',
    ...extra,
  };
}

export async function apply(c: Client, body: Record<string, unknown>): Promise<AidCaseView> {
  const res = await c.post('/api/care/aid', body);
  if (res.statusCode !== 201) throw new Error(`apply failed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

export function upload(c: Client, caseId: string, item: string, content = PDF, fileName = '材料.pdf') {
  const { payload, headers } = multipart(content, fileName);
  return c.request({ method: 'POST', url: `/api/care/aid/${caseId}/files?item=${item}`, payload, headers });
}

/** Uploads one file for every required item of the case's checklist. */
export async function uploadRequired(c: Client, view: AidCaseView) {
  for (const item of view.checklist ?? []) {
    if (!item.required) continue;
    const res = await upload(c, view.id, item.key);
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  }
}

/** Takes a step and returns the response; the version is read from the case first. */
export async function act(
  c: Client,
  id: string,
  action: string,
  body: Record<string, unknown> = {},
  reader: Client = c,
): Promise<LightMyRequestResponse> {
  const current = await reader.get(`/api/care/aid/${id}`);
  const version = current.json().data?.version ?? 1;
  return c.post(`/api/care/aid/${id}/${action}`, { version, ...body });
}

export function expectOk(res: LightMyRequestResponse): AidCaseView {
  if (res.statusCode !== 200) throw new Error(`step failed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

/** An officer's application for the member, materials uploaded, reviewed at `granted`: waiting for approval. */
export async function reviewedCase(
  o: AidOrg,
  memberId: string,
  granted: number,
  extra: Record<string, unknown> = {},
) {
  const view = await apply(o.officer, applyBody(memberId, extra));
  await uploadRequired(o.officer, view);
  return expectOk(await act(o.officer, view.id, 'review', { amountGrantedFen: granted }));
}

/** An AuthContext as the session would load it, for calling openAidCase directly. */
export async function authOf(
  ctx: TestContext,
  orgId: string,
  roles: Role[],
  opts: { memberId?: string } = {},
): Promise<AuthContext> {
  const u = await createUser(ctx.deps, orgId, roles, opts);
  return {
    sessionId: 'test',
    userId: u.id,
    orgId,
    orgName: '',
    username: u.username,
    displayName: u.displayName,
    roles,
    permissions: permissionsOf(roles),
    departmentIds: u.departmentIds,
    memberId: u.memberId,
    mustChangePassword: false,
  };
}
