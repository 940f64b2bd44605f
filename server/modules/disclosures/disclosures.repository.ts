import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DisclosureState } from '../../../common/schemas/disclosure.js';
import type { Executor } from '../../db/client.js';
import { disclosureAttachments, disclosureSettings, disclosures } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

// The only place disclosure SQL lives; every query is scoped by org.

export type DisclosureRow = typeof disclosures.$inferSelect;
export type NewDisclosure = typeof disclosures.$inferInsert;
export type AttachmentMeta = Omit<typeof disclosureAttachments.$inferSelect, 'data' | 'orgId' | 'createdAt'>;

export interface DisclosureFilter {
  q?: string;
  year?: number;
  category?: string;
  channel?: string;
  /** The states the caller may see (members: published only). */
  states: readonly DisclosureState[];
}

const yearRange = (year: number) =>
  sql`${disclosures.date} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

function where(orgId: string, f: DisclosureFilter): SQL {
  const q = f.q?.trim();
  return and(
    eq(disclosures.orgId, orgId),
    inArray(disclosures.state, [...f.states]),
    q
      ? or(ilike(disclosures.title, containsPattern(q)), ilike(disclosures.content, containsPattern(q)))
      : undefined,
    f.year ? yearRange(f.year) : undefined,
    f.category ? eq(disclosures.category, f.category) : undefined,
    f.channel ? eq(disclosures.channel, f.channel) : undefined,
  )!;
}

const attachmentMeta = {
  id: disclosureAttachments.id,
  disclosureId: disclosureAttachments.disclosureId,
  fileName: disclosureAttachments.fileName,
  mimeType: disclosureAttachments.mimeType,
  size: disclosureAttachments.size,
};

export const disclosuresRepository = {
  async list(
    exec: Executor,
    orgId: string,
    f: DisclosureFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: DisclosureRow[]; total: number }> {
    const w = where(orgId, f);
    const rows = await exec
      .select()
      .from(disclosures)
      .where(w)
      .orderBy(desc(disclosures.date), desc(disclosures.createdAt), asc(disclosures.id))
      .limit(page.limit)
      .offset(page.offset);
    const [{ n }] = await exec.select({ n: count() }).from(disclosures).where(w);
    return { rows, total: n };
  },

  async findById(exec: Executor, orgId: string, id: string, lock = false) {
    const q = exec
      .select()
      .from(disclosures)
      .where(and(eq(disclosures.orgId, orgId), eq(disclosures.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row as DisclosureRow | undefined;
  },

  async insert(exec: Executor, values: NewDisclosure): Promise<DisclosureRow> {
    const [row] = await exec.insert(disclosures).values(values).returning();
    return row;
  },

  /** Updates when the version still matches; undefined means someone changed it first. */
  async update(exec: Executor, orgId: string, id: string, version: number, change: Partial<NewDisclosure>) {
    const [row] = await exec
      .update(disclosures)
      .set({ ...change, version: sql`${disclosures.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(disclosures.orgId, orgId), eq(disclosures.id, id), eq(disclosures.version, version)))
      .returning();
    return row as DisclosureRow | undefined;
  },

  /** Published items of a year by one column (category or channel). */
  async countBy(exec: Executor, orgId: string, year: number, column: 'category' | 'channel') {
    const col = disclosures[column];
    return exec
      .select({ key: col, n: count() })
      .from(disclosures)
      .where(and(eq(disclosures.orgId, orgId), eq(disclosures.state, 'published'), yearRange(year)))
      .groupBy(col);
  },

  async usedCodes(exec: Executor, orgId: string, column: 'category' | 'channel'): Promise<string[]> {
    const col = disclosures[column];
    const rows = await exec
      .selectDistinct({ code: col })
      .from(disclosures)
      .where(eq(disclosures.orgId, orgId));
    return rows.map((r) => r.code);
  },

  async attachmentsOf(exec: Executor, orgId: string, disclosureIds: string[]): Promise<AttachmentMeta[]> {
    if (disclosureIds.length === 0) return [];
    return exec
      .select(attachmentMeta)
      .from(disclosureAttachments)
      .where(
        and(
          eq(disclosureAttachments.orgId, orgId),
          inArray(disclosureAttachments.disclosureId, disclosureIds),
        ),
      )
      .orderBy(disclosureAttachments.createdAt, disclosureAttachments.id);
  },

  async attachment(exec: Executor, orgId: string, disclosureId: string, id: string) {
    const [row] = await exec
      .select()
      .from(disclosureAttachments)
      .where(
        and(
          eq(disclosureAttachments.orgId, orgId),
          eq(disclosureAttachments.disclosureId, disclosureId),
          eq(disclosureAttachments.id, id),
        ),
      );
    return row;
  },

  async insertAttachment(
    exec: Executor,
    values: typeof disclosureAttachments.$inferInsert,
  ): Promise<AttachmentMeta> {
    const [row] = await exec.insert(disclosureAttachments).values(values).returning(attachmentMeta);
    return row;
  },

  async deleteAttachment(exec: Executor, orgId: string, disclosureId: string, id: string): Promise<boolean> {
    const rows = await exec
      .delete(disclosureAttachments)
      .where(
        and(
          eq(disclosureAttachments.orgId, orgId),
          eq(disclosureAttachments.disclosureId, disclosureId),
          eq(disclosureAttachments.id, id),
        ),
      )
      .returning({ id: disclosureAttachments.id });
    return rows.length > 0;
  },

  async settings(exec: Executor, orgId: string) {
    const [row] = await exec.select().from(disclosureSettings).where(eq(disclosureSettings.orgId, orgId));
    return row;
  },

  async saveSettings(exec: Executor, orgId: string, categories: unknown, channels: unknown) {
    await exec
      .insert(disclosureSettings)
      .values({ orgId, categories, channels })
      .onConflictDoUpdate({
        target: disclosureSettings.orgId,
        set: { categories, channels, version: sql`${disclosureSettings.version} + 1`, updatedAt: sql`now()` },
      });
  },
};
