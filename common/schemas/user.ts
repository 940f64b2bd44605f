import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { usernameSchema } from './auth.js';
import { pageQuery, str, uuid } from './shared.js';

const roles = z
  .array(z.enum(ROLES, { error: '角色无效' }), { error: '请选择角色' })
  .min(1, '请至少选择一个角色')
  .max(ROLES.length);

export const userCreateBody = z.strictObject({
  username: usernameSchema,
  displayName: str('姓名').trim().min(1, '请填写姓名').max(50, '姓名不超过50个字'),
  password: str('初始密码').min(1, '请填写初始密码').max(256),
  roles,
  departmentIds: z.array(uuid('科室')).max(200).default([]),
  memberId: uuid('关联会员').nullable().default(null),
});

export const userUpdateBody = z.strictObject({
  displayName: str('姓名').trim().min(1, '请填写姓名').max(50, '姓名不超过50个字'),
  roles,
  departmentIds: z.array(uuid('科室')).max(200).default([]),
  memberId: uuid('关联会员').nullable().default(null),
  disabled: z.boolean({ error: '停用状态应为是或否' }),
});

export const resetPasswordBody = z.strictObject({
  password: str('新密码').min(1, '请填写新密码').max(256),
});

export const userListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});

export const memberOptionQuery = z.strictObject({
  q: z.string().trim().max(50).default(''),
  /** The member already linked, so the form can show its name. */
  id: uuid('关联会员').optional(),
});

/** A member an account can be linked to: name and department only, nothing sensitive. */
export interface MemberOption {
  id: string;
  name: string;
  departmentName: string;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: (typeof ROLES)[number][];
  departmentIds: string[];
  memberId: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}
