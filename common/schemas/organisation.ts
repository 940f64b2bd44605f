import { z } from 'zod';
import { optionalText, requiredText, uuid } from './shared.js';

export const departmentBody = z.strictObject({
  name: requiredText('科室名称', 50),
  parentId: uuid('上级科室').nullable().default(null),
  code: optionalText('科室编码', 20),
  sort: z.number({ error: '排序应为数字' }).int('排序应为整数').min(0).max(9999).default(0),
});

export const unionGroupBody = z.strictObject({
  name: requiredText('小组名称', 50),
  departmentIds: z.array(uuid('科室')).max(100, '最多关联100个科室').default([]),
  leaderName: optionalText('小组长', 50),
  note: optionalText('备注', 500),
});

export interface DepartmentView {
  id: string;
  name: string;
  parentId: string | null;
  code: string | null;
  sort: number;
}
export interface UnionGroupView {
  id: string;
  name: string;
  departmentIds: string[];
  leaderName: string | null;
  note: string | null;
}
