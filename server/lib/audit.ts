import type { Executor } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './context.js';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string | null;
  result?: 'success' | 'failure';
  detail?: Record<string, unknown>;
}

/** Writes one audit row; call it with the same transaction as the change it records. */
export async function writeAudit(exec: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await exec.insert(auditLog).values({
    orgId: actor.orgId,
    actorId: actor.userId,
    actorName: actor.name,
    roles: actor.roles,
    ip: actor.ip,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'success',
    detail: entry.detail ?? null,
  });
}
