import {
  DEFAULT_DISCLOSURE_CATEGORIES,
  DEFAULT_DISCLOSURE_CHANNELS,
  type DisclosureOption,
  type DisclosureSettings,
} from '../../../common/schemas/disclosure.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { OrgActor } from '../members/members.service.js';
import { disclosuresRepository as repo } from './disclosures.repository.js';

// Each union names its own categories and channels; items store the code, so a renamed label
// shows everywhere at once, and a code still used by an item cannot be removed.

export async function settingsOf(exec: Executor, orgId: string): Promise<DisclosureSettings> {
  const row = await repo.settings(exec, orgId);
  return {
    categories: (row?.categories as DisclosureOption[] | undefined) ?? DEFAULT_DISCLOSURE_CATEGORIES,
    channels: (row?.channels as DisclosureOption[] | undefined) ?? DEFAULT_DISCLOSURE_CHANNELS,
  };
}

export const labelOf = (list: DisclosureOption[], code: string) =>
  list.find((o) => o.code === code)?.label ?? code;

/** 400 naming the field when the code is not on the union's list. */
export function assertListed(s: DisclosureSettings, input: { category: string; channel: string }) {
  if (!s.categories.some((o) => o.code === input.category)) {
    throw invalid([{ path: 'category', message: '公开类别不在本单位的类别列表中' }]);
  }
  if (!s.channels.some((o) => o.code === input.channel)) {
    throw invalid([{ path: 'channel', message: '公开渠道不在本单位的渠道列表中' }]);
  }
}

export async function saveSettings(exec: Executor, actor: OrgActor, input: DisclosureSettings) {
  for (const [field, column, label] of [
    ['categories', 'category', '公开类别'],
    ['channels', 'channel', '公开渠道'],
  ] as const) {
    const kept = new Set(input[field].map((o) => o.code));
    const missing = (await repo.usedCodes(exec, actor.orgId, column)).filter((c) => !kept.has(c));
    if (missing.length) {
      const message = `${label}“${missing.join('、')}”已被公开事项使用，不能删除（可以改名）`;
      throw conflict('IN_USE', message, [{ path: field, message }]);
    }
  }
  await repo.saveSettings(exec, actor.orgId, input.categories, input.channels);
  await writeAudit(exec, actor, {
    action: 'disclosure.settings',
    objectType: 'disclosureSettings',
    objectId: actor.orgId,
    detail: { categories: input.categories.map((o) => o.code), channels: input.channels.map((o) => o.code) },
  });
  return settingsOf(exec, actor.orgId);
}
