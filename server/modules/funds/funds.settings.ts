import { eq, sql } from 'drizzle-orm';
import type { FundSettingsInput, FundSettingsView } from '../../../common/schemas/funds.js';
import type { Executor } from '../../db/client.js';
import { fundSettings } from '../../db/schema/index.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { conflict } from '../../lib/errors.js';

/** The rules when an org has not set its own: 2,000元 officer, 20,000元 chair, flag over-budget. */
export const DEFAULT_FUND_SETTINGS: FundSettingsView = {
  overBudgetRule: 'flag',
  officerLimitFen: 200_000,
  chairLimitFen: 2_000_000,
  directPostLimitFen: 200_000,
  version: 0,
};

export async function getFundSettings(exec: Executor, orgId: string): Promise<FundSettingsView> {
  const [row] = await exec.select().from(fundSettings).where(eq(fundSettings.orgId, orgId));
  if (!row) return DEFAULT_FUND_SETTINGS;
  return {
    overBudgetRule: row.overBudgetRule,
    officerLimitFen: row.officerLimitFen,
    chairLimitFen: row.chairLimitFen,
    directPostLimitFen: row.directPostLimitFen,
    version: row.version,
  };
}

/** Saves the org's rules; `version` 0 means "still the defaults". Stale versions get 409. */
export async function updateFundSettings(
  exec: Executor,
  actor: Actor & { orgId: string },
  input: FundSettingsInput,
): Promise<FundSettingsView> {
  const { version, ...values } = input;
  const rows =
    version === 0
      ? await exec
          .insert(fundSettings)
          .values({ orgId: actor.orgId, ...values })
          .onConflictDoNothing()
          .returning()
      : await exec
          .update(fundSettings)
          .set({ ...values, version: sql`${fundSettings.version} + 1`, updatedAt: new Date() })
          .where(sql`${fundSettings.orgId} = ${actor.orgId} and ${fundSettings.version} = ${version}`)
          .returning();
  if (!rows.length) throw conflict('STALE_VERSION');
  await writeAudit(exec, actor, {
    action: 'funds.settings.update',
    objectType: 'fundSettings',
    detail: values,
  });
  return { ...values, version: rows[0].version };
}
