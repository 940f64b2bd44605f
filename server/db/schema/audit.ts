import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only: a trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // Null for a failed login under an unknown username.
    orgId: uuid('org_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    roles: text('roles').notNull().default(''),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result', { enum: ['success', 'failure'] }).notNull(),
    ip: text('ip'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_log_org_at').on(t.orgId, t.at),
    index('audit_log_org_action').on(t.orgId, t.action, t.at),
  ],
);
