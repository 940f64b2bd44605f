// npm run admin -- <command> [options]: account administration without a browser (scripts, tests, ops).
import { parseArgs } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import { ROLES, type Role } from '../common/permissions.js';
import type { Deps } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import { departments, orgs } from '../server/db/schema/index.js';
import { AppError } from '../server/lib/errors.js';
import { setupService } from '../server/modules/auth/setup.service.js';
import { usersService } from '../server/modules/users/users.service.js';

const HELP = `用法: npm run admin -- <命令> [选项]

  setup        --org 工会名称 --username 用户名 --name 姓名 --password 密码
               新建一个工会及其系统管理员（不需要初始化链接）
  create-user  --username 用户名 --name 姓名 --password 密码 --roles officer,chair
               [--departments 内科,外科] [--org 工会名称] [--keep-password]
               新建用户；默认首次登录须改密码，--keep-password 则不必
  reset-password --username 用户名 --password 新密码   重置密码（须首次登录修改）并解除锁定
  setup-link   生成新的一次性初始化链接（仅在尚无任何账户时有效）
`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      roles: { type: 'string' },
      departments: { type: 'string' },
      'keep-password': { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  const opened = await openDatabase(config, 'cli');
  const deps: Deps = { config, db: opened.db, sealer: opened.sealer };
  try {
    await run(command, values, deps);
  } finally {
    await opened.close();
  }
}

type Values = Record<string, string | boolean | undefined>;

function need(values: Values, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || !v) throw new Error(`缺少 --${key}`);
  return v;
}

async function findOrg(deps: Deps, name: string | undefined) {
  const all = await deps.db
    .select()
    .from(orgs)
    .where(name ? eq(orgs.name, name) : undefined);
  if (all.length === 1) return all[0];
  throw new Error(
    all.length === 0 ? '找不到工会（先运行 setup，或检查 --org）' : '有多个工会，请用 --org 指定',
  );
}

async function run(command: string, values: Values, deps: Deps) {
  switch (command) {
    case 'setup': {
      const input = {
        orgName: need(values, 'org'),
        username: need(values, 'username'),
        displayName: need(values, 'name'),
        password: need(values, 'password'),
      };
      const { org, user } = await setupService.createOrgWithAdmin(deps, input, {});
      console.log(`已创建工会「${org.name}」和系统管理员 ${user.username}`);
      return;
    }
    case 'create-user': {
      const org = await findOrg(deps, values.org as string | undefined);
      const roles = need(values, 'roles')
        .split(',')
        .map((r) => r.trim()) as Role[];
      const unknown = roles.filter((r) => !ROLES.includes(r));
      if (unknown.length) throw new Error(`未知角色：${unknown.join(', ')}（可选：${ROLES.join(', ')}）`);
      const names =
        typeof values.departments === 'string' ? values.departments.split(',').map((d) => d.trim()) : [];
      const depts = names.length
        ? await deps.db
            .select()
            .from(departments)
            .where(and(eq(departments.orgId, org.id), inArray(departments.name, names)))
        : [];
      const missing = names.filter((n) => !depts.some((d) => d.name === n));
      if (missing.length) throw new Error(`找不到科室：${missing.join('、')}`);
      const actor = { orgId: org.id, userId: null, name: 'admin-cli', roles: 'cli', ip: null };
      const input = {
        username: need(values, 'username'),
        displayName: need(values, 'name'),
        password: need(values, 'password'),
        roles,
        departmentIds: depts.map((d) => d.id),
        memberId: null,
      };
      const user = await deps.db.transaction((tx) =>
        usersService.create(tx, deps, actor, input, !values['keep-password']),
      );
      console.log(`已创建用户 ${user.username}（${roles.join(', ')}）`);
      return;
    }
    case 'reset-password': {
      const user = await usersService.findByUsername(deps.db, need(values, 'username'));
      if (!user) throw new Error('用户不存在');
      const actor = { orgId: user.orgId, userId: null, name: 'admin-cli', roles: 'cli', ip: null };
      await usersService.resetPassword(deps, actor, user.id, need(values, 'password'));
      console.log(`已重置 ${user.username} 的密码，首次登录须修改`);
      return;
    }
    case 'setup-link': {
      if (!(await setupService.needed(deps.db))) throw new Error('系统已有账户，无需初始化链接');
      console.log(`${deps.config.publicUrl}/setup?token=${await setupService.issueToken(deps.db)}`);
      return;
    }
    default:
      throw new Error(`未知命令：${command}\n\n${HELP}`);
  }
}

main().catch((e) => {
  if (e instanceof AppError) {
    const details = e.details?.map((d) => `  ${d.path}: ${d.message}`).join('\n');
    console.error(`${e.message}${details ? `\n${details}` : ''}`);
  } else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
