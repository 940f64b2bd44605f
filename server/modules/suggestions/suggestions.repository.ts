import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { SuggestionState } from '../../../common/schemas/suggestion.js';
import type { Executor } from '../../db/client.js';
import { departments, members, suggestions } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

// The only place suggestion SQL lives; every query is scoped by org (and by member for members).

export type SuggestionRow = typeof suggestions.$inferSelect;
export type NewSuggestion = typeof suggestions.$inferInsert;
export type SuggestionWithNames = { s: SuggestionRow; memberName: string; departmentName: string };

export interface SuggestionFilter {
  q?: string;
  year?: number;
  state?: SuggestionState;
  /** Only this member's suggestions (a member reading their own). */
  memberId?: string;
}

function where(orgId: string, f: SuggestionFilter): SQL {
  const q = f.q?.trim();
  return and(
    eq(suggestions.orgId, orgId),
    f.memberId ? eq(suggestions.memberId, f.memberId) : undefined,
    f.state ? eq(suggestions.state, f.state) : undefined,
    f.year
      ? sql`${suggestions.submittedOn} between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}`
      : undefined,
    q
      ? or(ilike(suggestions.title, containsPattern(q)), ilike(suggestions.content, containsPattern(q)))
      : undefined,
  )!;
}

function selectWithNames(exec: Executor) {
  return exec
    .select({ s: suggestions, memberName: members.name, departmentName: departments.name })
    .from(suggestions)
    .innerJoin(members, eq(members.id, suggestions.memberId))
    .innerJoin(departments, eq(departments.id, members.departmentId));
}

export const suggestionsRepository = {
  async list(
    exec: Executor,
    orgId: string,
    f: SuggestionFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: SuggestionWithNames[]; total: number }> {
    const w = where(orgId, f);
    const rows = await selectWithNames(exec)
      .where(w)
      .orderBy(desc(suggestions.submittedOn), desc(suggestions.createdAt), desc(suggestions.id))
      .limit(page.limit)
      .offset(page.offset);
    const [{ n }] = await exec.select({ n: count() }).from(suggestions).where(w);
    return { rows, total: n };
  },

  async findWithNames(exec: Executor, orgId: string, id: string): Promise<SuggestionWithNames | undefined> {
    const [row] = await selectWithNames(exec).where(
      and(eq(suggestions.orgId, orgId), eq(suggestions.id, id)),
    );
    return row;
  },

  async lock(exec: Executor, orgId: string, id: string): Promise<SuggestionRow | undefined> {
    const [row] = await exec
      .select()
      .from(suggestions)
      .where(and(eq(suggestions.orgId, orgId), eq(suggestions.id, id)))
      .for('update');
    return row;
  },

  async insert(exec: Executor, values: NewSuggestion): Promise<SuggestionRow> {
    const [row] = await exec.insert(suggestions).values(values).returning();
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, version: number, change: Partial<NewSuggestion>) {
    const [row] = await exec
      .update(suggestions)
      .set({ ...change, version: sql`${suggestions.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(suggestions.orgId, orgId), eq(suggestions.id, id), eq(suggestions.version, version)))
      .returning();
    return row as SuggestionRow | undefined;
  },

  async memberExists(exec: Executor, orgId: string, memberId: string): Promise<boolean> {
    const [row] = await exec
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
    return !!row;
  },
};
