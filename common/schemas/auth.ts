import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { str } from './shared.js';

export const loginBody = z.strictObject({
  username: str('用户名').trim().min(1, '请填写用户名').max(64, '用户名过长'),
  password: str('密码').min(1, '请填写密码').max(256, '密码过长'),
});

export const changePasswordBody = z.strictObject({
  currentPassword: str('当前密码').min(1, '请填写当前密码').max(256),
  newPassword: str('新密码').min(1, '请填写新密码').max(256, '密码过长'),
});

export const usernameSchema = str('用户名')
  .trim()
  .min(3, '用户名至少3个字符')
  .max(32, '用户名不超过32个字符')
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, '用户名须以字母开头，只含字母、数字、下划线、点或短横线');

export const setupBody = z.strictObject({
  token: str('初始化令牌').min(1, '缺少初始化令牌').max(200),
  orgName: str('工会名称').trim().min(2, '请填写工会名称').max(100, '工会名称不超过100个字'),
  username: usernameSchema,
  displayName: str('姓名').trim().min(1, '请填写姓名').max(50, '姓名不超过50个字'),
  password: str('密码').min(1, '请填写密码').max(256),
});

export const meResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  departmentIds: z.array(z.string()),
  memberId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;
