import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    code: text('code'),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('departments_org_name').on(t.orgId, t.name),
    index('departments_org_parent').on(t.orgId, t.parentId),
  ],
);

export const unionGroups = pgTable(
  'union_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    leaderName: text('leader_name'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('union_groups_org_name').on(t.orgId, t.name)],
);

// A department belongs to at most one union group.
export const unionGroupDepartments = pgTable(
  'union_group_departments',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    unionGroupId: uuid('union_group_id')
      .notNull()
      .references(() => unionGroups.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
  },
  (t) => [
    primaryKey({ columns: [t.unionGroupId, t.departmentId] }),
    unique('union_group_departments_department').on(t.orgId, t.departmentId),
  ],
);
