import {
  DISCLOSURE_ATTACHMENT_MAX_BYTES,
  DISCLOSURE_ATTACHMENT_MAX_COUNT,
  DISCLOSURE_ATTACHMENT_TYPES,
  type DisclosureAction,
  type DisclosureCreate,
  type DisclosureListQuery,
  type DisclosureSettings,
  type DisclosureState,
  type DisclosureStats,
  type DisclosureStep,
  type DisclosureUpdate,
  type DisclosureView,
} from '../../../common/schemas/disclosure.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { OrgActor } from '../members/members.service.js';
import { notify } from '../notifications/notifications.service.js';
import {
  type AttachmentMeta,
  type DisclosureRow,
  disclosuresRepository as repo,
} from './disclosures.repository.js';
import { assertListed, labelOf, settingsOf } from './disclosures.settings.js';
import { allowedActions, editable, nextState, refusal } from './disclosures.state.js';

const ALL_STATES: DisclosureState[] = ['draft', 'published', 'withdrawn'];

/** Managers see drafts and withdrawn items too; everyone else reads what is published. */
const manages = (auth: AuthContext) => auth.permissions.has('disclosure:manage');
const visibleStates = (auth: AuthContext): DisclosureState[] => (manages(auth) ? ALL_STATES : ['published']);

function present(
  r: DisclosureRow,
  s: DisclosureSettings,
  attachments: AttachmentMeta[],
  manager: boolean,
): DisclosureView {
  return {
    id: r.id,
    category: r.category,
    categoryLabel: labelOf(s.categories, r.category),
    channel: r.channel,
    channelLabel: labelOf(s.channels, r.channel),
    date: r.date,
    title: r.title,
    content: r.content,
    state: r.state,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawReason: r.withdrawReason,
    attachments: attachments
      .filter((a) => a.disclosureId === r.id)
      .map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size })),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    abilities: {
      edit: manager && editable(r.state),
      actions: manager ? allowedActions(r.state) : [],
    },
  };
}

async function view(exec: Executor, orgId: string, row: DisclosureRow, manager = true) {
  const [s, attachments] = await Promise.all([
    settingsOf(exec, orgId),
    repo.attachmentsOf(exec, orgId, [row.id]),
  ]);
  return present(row, s, attachments, manager);
}

async function visible(exec: Executor, auth: AuthContext, id: string, lock = false) {
  const row = await repo.findById(exec, auth.orgId, id, lock);
  if (!row || !visibleStates(auth).includes(row.state)) throw notFound();
  return row;
}

async function lockDraft(exec: Executor, orgId: string, id: string, version?: number) {
  const row = await repo.findById(exec, orgId, id, true);
  if (!row) throw notFound();
  if (!editable(row.state)) throw conflict('INVALID_TRANSITION', refusal(row.state, 'edit'));
  if (version !== undefined && row.version !== version) throw conflict('STALE_VERSION');
  return row;
}

function extensionOf(fileName: string) {
  return fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

export const disclosuresService = {
  async list(deps: Deps, auth: AuthContext, q: DisclosureListQuery): Promise<Paged<DisclosureView>> {
    const allowed = visibleStates(auth);
    const states = q.state ? allowed.filter((s) => s === q.state) : allowed;
    const { rows, total } = await repo.list(
      deps.db,
      auth.orgId,
      { q: q.q, year: q.year, category: q.category, channel: q.channel, states },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    const [s, attachments] = await Promise.all([
      settingsOf(deps.db, auth.orgId),
      repo.attachmentsOf(
        deps.db,
        auth.orgId,
        rows.map((r) => r.id),
      ),
    ]);
    return paged(
      rows.map((r) => present(r, s, attachments, manages(auth))),
      total,
      q,
    );
  },

  async get(deps: Deps, auth: AuthContext, id: string): Promise<DisclosureView> {
    return view(deps.db, auth.orgId, await visible(deps.db, auth, id), manages(auth));
  },

  async stats(deps: Deps, auth: AuthContext, year: number): Promise<DisclosureStats> {
    const [s, byCategory, byChannel] = await Promise.all([
      settingsOf(deps.db, auth.orgId),
      repo.countBy(deps.db, auth.orgId, year, 'category'),
      repo.countBy(deps.db, auth.orgId, year, 'channel'),
    ]);
    const countOf = (rows: { key: string; n: number }[], code: string) =>
      rows.find((r) => r.key === code)?.n ?? 0;
    // Every listed entry appears (zero included), then any code retired from the list but still counted.
    const fold = (list: { code: string; label: string }[], rows: { key: string; n: number }[]) => [
      ...list.map((o) => ({ code: o.code, label: o.label, count: countOf(rows, o.code) })),
      ...rows
        .filter((r) => !list.some((o) => o.code === r.key))
        .map((r) => ({ code: r.key, label: r.key, count: r.n })),
    ];
    return {
      year,
      total: byCategory.reduce((a, r) => a + r.n, 0),
      byCategory: fold(s.categories, byCategory).map(({ code, ...r }) => ({ category: code, ...r })),
      byChannel: fold(s.channels, byChannel).map(({ code, ...r }) => ({ channel: code, ...r })),
    };
  },

  settings(deps: Deps, auth: AuthContext) {
    return settingsOf(deps.db, auth.orgId);
  },

  async create(deps: Deps, actor: OrgActor, input: DisclosureCreate): Promise<DisclosureView> {
    return deps.db.transaction(async (tx) => {
      assertListed(await settingsOf(tx, actor.orgId), input);
      const row = await repo.insert(tx, { ...input, orgId: actor.orgId, createdBy: actor.userId });
      await writeAudit(tx, actor, {
        action: 'disclosure.create',
        objectType: 'disclosure',
        objectId: row.id,
        detail: { title: row.title, category: row.category },
      });
      return view(tx, actor.orgId, row);
    });
  },

  async update(deps: Deps, actor: OrgActor, id: string, input: DisclosureUpdate): Promise<DisclosureView> {
    return deps.db.transaction(async (tx) => {
      const { version, ...change } = input;
      await lockDraft(tx, actor.orgId, id, version);
      assertListed(await settingsOf(tx, actor.orgId), change);
      const row = await repo.update(tx, actor.orgId, id, version, change);
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, { action: 'disclosure.update', objectType: 'disclosure', objectId: id });
      return view(tx, actor.orgId, row);
    });
  },

  /** publish (draft → published) or withdraw (published → withdrawn, with a reason). */
  async step(
    deps: Deps,
    actor: OrgActor,
    id: string,
    action: DisclosureAction,
    input: DisclosureStep,
  ): Promise<DisclosureView> {
    return deps.db.transaction(async (tx) => {
      const current = await repo.findById(tx, actor.orgId, id, true);
      if (!current) throw notFound();
      const to = nextState(current.state, action);
      if (!to) throw conflict('INVALID_TRANSITION', refusal(current.state, action));
      if (current.version !== input.version) throw conflict('STALE_VERSION');
      const reason = input.reason || null;
      if (action === 'withdraw' && !reason) throw invalid([{ path: 'reason', message: '请填写撤回原因' }]);
      const now = new Date();
      const row = await repo.update(
        tx,
        actor.orgId,
        id,
        input.version,
        action === 'publish'
          ? { state: to, publishedAt: now }
          : { state: to, withdrawnAt: now, withdrawReason: reason },
      );
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, {
        action: `disclosure.${action}`,
        objectType: 'disclosure',
        objectId: id,
        detail: { from: current.state, to, reason },
      });
      // What is made public is told to every member, in this transaction: no notice without the item.
      if (action === 'publish') {
        await notify(tx, {
          orgId: actor.orgId,
          to: { allMembers: true },
          kind: 'disclosurePublished',
          title: row.title,
          link: `/disclosures/${id}`,
          objectType: 'disclosure',
          objectId: id,
        });
      }
      return view(tx, actor.orgId, row);
    });
  },

  async addAttachment(
    deps: Deps,
    actor: OrgActor,
    id: string,
    file: { fileName: string; data: Buffer },
  ): Promise<DisclosureView> {
    const mimeType = DISCLOSURE_ATTACHMENT_TYPES[extensionOf(file.fileName)];
    if (!mimeType) {
      throw invalid([{ path: 'file', message: '附件只能是 PDF、图片（JPG/PNG）、Word、Excel 或文本文件' }]);
    }
    if (file.data.length === 0) throw invalid([{ path: 'file', message: '附件是空文件' }]);
    if (file.data.length > DISCLOSURE_ATTACHMENT_MAX_BYTES) {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', '附件不能超过 5 MB');
    }
    return deps.db.transaction(async (tx) => {
      const row = await lockDraft(tx, actor.orgId, id);
      const existing = await repo.attachmentsOf(tx, actor.orgId, [id]);
      if (existing.length >= DISCLOSURE_ATTACHMENT_MAX_COUNT) {
        throw conflict('CONFLICT', `每个公开事项最多 ${DISCLOSURE_ATTACHMENT_MAX_COUNT} 个附件`);
      }
      const a = await repo.insertAttachment(tx, {
        orgId: actor.orgId,
        disclosureId: id,
        fileName: file.fileName.slice(-200),
        mimeType,
        size: file.data.length,
        data: file.data,
      });
      await writeAudit(tx, actor, {
        action: 'disclosure.attach',
        objectType: 'disclosure',
        objectId: id,
        detail: { attachmentId: a.id, fileName: a.fileName, size: a.size },
      });
      return view(tx, actor.orgId, row);
    });
  },

  async removeAttachment(deps: Deps, actor: OrgActor, id: string, attachmentId: string) {
    return deps.db.transaction(async (tx) => {
      const row = await lockDraft(tx, actor.orgId, id);
      if (!(await repo.deleteAttachment(tx, actor.orgId, id, attachmentId))) throw notFound();
      await writeAudit(tx, actor, {
        action: 'disclosure.detach',
        objectType: 'disclosure',
        objectId: id,
        detail: { attachmentId },
      });
      return view(tx, actor.orgId, row);
    });
  },

  async attachment(deps: Deps, auth: AuthContext, id: string, attachmentId: string) {
    await visible(deps.db, auth, id);
    const a = await repo.attachment(deps.db, auth.orgId, id, attachmentId);
    if (!a) throw notFound();
    return a;
  },
};
