import { z } from 'zod';
import { isoDate, pageQuery } from './shared.js';

export const auditQuery = z.strictObject({
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  ...pageQuery,
});

export interface AuditView {
  id: string;
  at: string;
  actorName: string | null;
  roles: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: 'success' | 'failure';
  ip: string | null;
  detail: Record<string, unknown> | null;
}

/** Chinese names of audited actions, for the audit screen. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.passwordChange': '修改密码',
  'setup.complete': '系统初始化',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'department.create': '新建科室',
  'department.update': '修改科室',
  'department.delete': '删除科室',
  'unionGroup.create': '新建工会小组',
  'unionGroup.update': '修改工会小组',
  'unionGroup.delete': '删除工会小组',
  'member.create': '登记会员',
  'member.update': '修改会员',
  'member.status': '会籍变动',
  'member.revealIdNumber': '查看完整身份证号',
  'member.import': '导入花名册',
  'member.export': '导出花名册',
};
