import type {
  ForumCreate,
  ForumDetailView,
  ForumIssueAssign,
  ForumIssueCreate,
  ForumIssueDetailView,
  ForumIssueListQuery,
  ForumIssueResolve,
  ForumIssueView,
  ForumListQuery,
  ForumUpdate,
  ForumView,
  ResolutionKind,
} from '../../../common/schemas/forum.js';
import type { RateInput } from '../../../common/schemas/handling.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { conflict, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { HandlingItemRow } from '../handling/handling.repository.js';
import { handling } from '../handling/handling.service.js';
import type { OrgActor } from '../members/members.service.js';
import {
  type ForumIssueRow,
  type ForumRow,
  type IssueWithForum,
  forumsRepository as repo,
} from './forums.repository.js';
import { isSolved, nextState, refusal } from './forums.state.js';

export const ISSUE_SUBJECT = 'forumIssue';
const subject = (id: string) => ({ type: ISSUE_SUBJECT, id });
export const forumLink = (forumId: string) => `/forums/${forumId}`;

/** Issues with their handling rows and views, in one pass per list. */
async function presentIssues(
  exec: Executor,
  orgId: string,
  rows: IssueWithForum[],
): Promise<ForumIssueView[]> {
  const items = await handling.bySubjects(
    exec,
    orgId,
    ISSUE_SUBJECT,
    rows.map((r) => r.issue.id),
  );
  const byId = new Map(items.map((i) => [i.subjectId, i]));
  return Promise.all(rows.map((r) => presentIssue(exec, r, byId.get(r.issue.id))));
}

async function presentIssue(
  exec: Executor,
  r: IssueWithForum,
  item: HandlingItemRow | undefined,
): Promise<ForumIssueView> {
  const i = r.issue;
  return {
    id: i.id,
    forumId: i.forumId,
    forumTitle: r.forumTitle,
    forumDate: r.forumDate,
    seq: i.seq,
    content: i.content,
    raisedBy: i.raisedBy,
    state: i.state,
    resolutionKind: i.resolutionKind as ResolutionKind | null,
    resolution: i.resolution,
    solved: isSolved(i.state, item?.state),
    version: i.version,
    handling: item ? await handling.view(exec, item) : null,
  };
}

function presentForum(f: ForumRow, issues: ForumIssueView[]): ForumView {
  const mine = issues.filter((i) => i.forumId === f.id);
  return {
    id: f.id,
    kind: f.kind,
    title: f.title,
    date: f.date,
    place: f.place,
    participantCount: f.participantCount,
    participants: f.participants,
    notes: f.notes,
    issueCount: mine.length,
    solvedCount: mine.filter((i) => i.solved).length,
    version: f.version,
  };
}

async function forumDetail(exec: Executor, orgId: string, id: string): Promise<ForumDetailView> {
  const f = await repo.findById(exec, orgId, id);
  if (!f) throw notFound();
  const issues = await presentIssues(exec, orgId, await repo.issues(exec, orgId, { forumIds: [id] }));
  return { ...presentForum(f, issues), issues };
}

async function issueDetail(exec: Executor, orgId: string, id: string): Promise<ForumIssueDetailView> {
  const issue = await repo.issueById(exec, orgId, id);
  if (!issue) throw notFound();
  const forum = (await repo.findById(exec, orgId, issue.forumId))!;
  const item = await handling.get(exec, orgId, subject(id));
  const view = await presentIssue(exec, { issue, forumTitle: forum.title, forumDate: forum.date }, item);
  return { ...view, handlingDetail: item ? await handling.detail(exec, orgId, item.id, null) : null };
}

async function lockIssue(exec: Executor, orgId: string, id: string): Promise<ForumIssueRow> {
  const issue = await repo.issueById(exec, orgId, id, true);
  if (!issue) throw notFound();
  return issue;
}

export const forumsService = {
  async list(deps: Deps, orgId: string, q: ForumListQuery): Promise<Paged<ForumView>> {
    const { rows, total } = await repo.list(deps.db, orgId, q, { limit: q.pageSize, offset: offsetOf(q) });
    const issues = await presentIssues(
      deps.db,
      orgId,
      await repo.issues(deps.db, orgId, { forumIds: rows.map((f) => f.id) }),
    );
    return paged(
      rows.map((f) => presentForum(f, issues)),
      total,
      q,
    );
  },

  get: (deps: Deps, orgId: string, id: string) => forumDetail(deps.db, orgId, id),

  /**
   * Problems raised at the forums of a year, solved or not. A union holds a handful of forums a
   * year (tens of problems each), so the solved filter is applied to the year's issues in memory.
   */
  async issues(deps: Deps, orgId: string, q: ForumIssueListQuery): Promise<Paged<ForumIssueView>> {
    const all = await presentIssues(deps.db, orgId, await repo.issues(deps.db, orgId, { year: q.year }));
    const chosen = q.solved === undefined ? all : all.filter((i) => i.solved === q.solved);
    const start = offsetOf(q);
    return paged(chosen.slice(start, start + q.pageSize), chosen.length, q);
  },

  issue: (deps: Deps, orgId: string, id: string) => issueDetail(deps.db, orgId, id),

  async create(deps: Deps, actor: OrgActor, input: ForumCreate): Promise<ForumDetailView> {
    return deps.db.transaction(async (tx) => {
      const f = await repo.insert(tx, { ...input, orgId: actor.orgId });
      await writeAudit(tx, actor, { action: 'forum.create', objectType: 'forum', objectId: f.id });
      return forumDetail(tx, actor.orgId, f.id);
    });
  },

  async update(deps: Deps, actor: OrgActor, id: string, input: ForumUpdate): Promise<ForumDetailView> {
    return deps.db.transaction(async (tx) => {
      const { version, ...change } = input;
      if (!(await repo.findById(tx, actor.orgId, id))) throw notFound();
      if (!(await repo.update(tx, actor.orgId, id, version, change))) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, { action: 'forum.update', objectType: 'forum', objectId: id });
      return forumDetail(tx, actor.orgId, id);
    });
  },

  /** Records a problem raised; the forum row is locked so two at once get consecutive numbers. */
  async addIssue(
    deps: Deps,
    actor: OrgActor,
    forumId: string,
    input: ForumIssueCreate,
  ): Promise<ForumDetailView> {
    return deps.db.transaction(async (tx) => {
      if (!(await repo.findById(tx, actor.orgId, forumId, true))) throw notFound();
      const seq = await repo.nextSeq(tx, actor.orgId, forumId);
      const issue = await repo.insertIssue(tx, { ...input, orgId: actor.orgId, forumId, seq });
      await writeAudit(tx, actor, {
        action: 'forum.issue.create',
        objectType: ISSUE_SUBJECT,
        objectId: issue.id,
        detail: { forumId, seq },
      });
      return forumDetail(tx, actor.orgId, forumId);
    });
  },

  /** 当场解决: answered at the forum itself; nothing more to handle. */
  async resolveOnSpot(deps: Deps, actor: OrgActor, id: string, input: ForumIssueResolve) {
    return deps.db.transaction(async (tx) => {
      const issue = await lockIssue(tx, actor.orgId, id);
      const to = nextState(issue.state, 'resolveOnSpot');
      if (!to) throw conflict('INVALID_TRANSITION', refusal(issue.state, 'resolveOnSpot'));
      const row = await repo.updateIssue(tx, actor.orgId, id, input.version, {
        state: to,
        resolutionKind: 'onSpot',
        resolution: input.resolution,
      });
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, {
        action: 'forum.issue.resolveOnSpot',
        objectType: ISSUE_SUBJECT,
        objectId: id,
      });
      return issueDetail(tx, actor.orgId, id);
    });
  },

  /**
   * 限期解决 / 说明原因: handed to a department through the handling loop. The union office records
   * the rating of the people who raised it (there is no member account behind a patient's family).
   */
  async assign(deps: Deps, actor: OrgActor, id: string, input: ForumIssueAssign) {
    return deps.db.transaction(async (tx) => {
      const issue = await lockIssue(tx, actor.orgId, id);
      const to = nextState(issue.state, 'assign');
      if (!to) throw conflict('INVALID_TRANSITION', refusal(issue.state, 'assign'));
      const row = await repo.updateIssue(tx, actor.orgId, id, input.version, {
        state: to,
        resolutionKind: input.resolutionKind,
      });
      if (!row) throw conflict('STALE_VERSION');
      const { resolutionKind, version: _v, handlingVersion, ...assignment } = input;
      await handling.assign(tx, actor, subject(id), {
        ...assignment,
        title: `座谈会问题：${issue.content.slice(0, 60)}`,
        link: forumLink(issue.forumId),
        raterMemberIds: [],
        version: handlingVersion,
      });
      return issueDetail(tx, actor.orgId, id);
    });
  },

  async rate(deps: Deps, actor: OrgActor, id: string, input: RateInput) {
    return deps.db.transaction(async (tx) => {
      await lockIssue(tx, actor.orgId, id);
      await handling.rate(tx, actor, subject(id), { ...input, reason: input.reason ?? null, memberId: null });
      return issueDetail(tx, actor.orgId, id);
    });
  },

  async close(deps: Deps, actor: OrgActor, id: string, version: number) {
    return deps.db.transaction(async (tx) => {
      await lockIssue(tx, actor.orgId, id);
      await handling.close(tx, actor, subject(id), version);
      return issueDetail(tx, actor.orgId, id);
    });
  },
};
