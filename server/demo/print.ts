import type { DemoSummary } from './run.js';

// What the console shows after a demo run: counts per generator, then the logins, once.

export function formatSummary(s: DemoSummary, elapsedMs?: number): string {
  const lines = [`已生成演示工会「${s.orgName}」（种子 ${s.seed}，职工 ${s.staff} 人）`];
  for (const step of s.steps) {
    const counts = Object.entries(step.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join('，');
    lines.push(`  ${step.name.padEnd(14)} ${counts}（${step.ms} ms）`);
  }
  if (elapsedMs !== undefined) lines.push(`  生成用时 ${(elapsedMs / 1000).toFixed(1)} 秒`);
  return lines.join('\n');
}

/** The login table. Passwords are not stored anywhere in clear: this is the only time they are shown. */
export function formatCredentials(s: DemoSummary): string {
  const width = Math.max(...s.credentials.map((c) => c.username.length));
  const rows = s.credentials.map(
    (c) =>
      `  ${c.label}${'　'.repeat(Math.max(0, 8 - c.label.length))}${c.username.padEnd(width + 2)}${c.password}   ${c.displayName}`,
  );
  return [
    '演示账户（密码只显示这一次，请妥善保存）：',
    `  角色${'　'.repeat(6)}${'用户名'.padEnd(width - 1)}密码${' '.repeat(16)}姓名`,
    ...rows,
  ].join('\n');
}
