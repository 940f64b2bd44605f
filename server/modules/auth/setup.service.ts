import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../app.js';
import type { Db } from '../../db/client.js';
import { setupTokens } from '../../db/schema/index.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { AppError, conflict } from '../../lib/errors.js';
import { organisationService } from '../organisation/organisation.service.js';
import { usersService } from '../users/users.service.js';

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface SetupInput {
  orgName: string;
  username: string;
  displayName: string;
  password: string;
}

export const setupService = {
  async needed(db: Db): Promise<boolean> {
    return (await usersService.countAll(db)) === 0;
  },

  /** A fresh one-time link; earlier unused links stop working. */
  async issueToken(db: Db): Promise<string> {
    const token = randomToken();
    await db.transaction(async (tx) => {
      await tx.delete(setupTokens).where(isNull(setupTokens.usedAt));
      await tx
        .insert(setupTokens)
        .values({ tokenHash: sha256(token), expiresAt: new Date(Date.now() + TOKEN_TTL_MS) });
    });
    return token;
  },

  /**
   * Creates a union and its first system administrator. With a token (the web page) it is the
   * one-time first setup; without one (the admin CLI, run by whoever holds the server) it may add
   * further unions to the same database.
   */
  async createOrgWithAdmin(deps: Deps, input: SetupInput, opts: { token?: string; ip?: string }) {
    return deps.db.transaction(async (tx) => {
      // Two setup pages submitted at once must not both win.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gonghui.setup'))`);
      if (opts.token !== undefined) {
        if ((await usersService.countAll(tx)) > 0) throw conflict('SETUP_DONE');
        const used = await tx
          .update(setupTokens)
          .set({ usedAt: sql`now()` })
          .where(
            and(
              eq(setupTokens.tokenHash, sha256(opts.token)),
              isNull(setupTokens.usedAt),
              gt(setupTokens.expiresAt, sql`now()`),
            ),
          )
          .returning();
        if (used.length === 0) throw new AppError(403, 'SETUP_TOKEN_INVALID');
      }
      const org = await organisationService.createOrg(tx, input.orgName);
      const actor = {
        orgId: org.id,
        userId: null,
        name: input.displayName,
        roles: 'sysAdmin',
        ip: opts.ip ?? null,
      };
      const user = await usersService.create(
        tx,
        deps,
        actor,
        {
          username: input.username,
          displayName: input.displayName,
          password: input.password,
          roles: ['sysAdmin'],
          departmentIds: [],
          memberId: null,
        },
        false,
      );
      return { org, user };
    });
  },
};
