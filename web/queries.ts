// Organisation data many screens share: the department tree and the union groups.
import { useQuery } from '@tanstack/react-query';
import type { DepartmentView, UnionGroupView } from '../common/schemas/organisation';
import { api } from './api';

export const DEPARTMENTS_KEY = ['departments'] as const;
export const UNION_GROUPS_KEY = ['union-groups'] as const;

export function useDepartments() {
  return useQuery({
    queryKey: DEPARTMENTS_KEY,
    queryFn: () => api.get<{ data: DepartmentView[] }>('/departments').then((r) => r.data),
    staleTime: 60_000,
  });
}

export function useUnionGroups() {
  return useQuery({
    queryKey: UNION_GROUPS_KEY,
    queryFn: () => api.get<{ data: UnionGroupView[] }>('/union-groups').then((r) => r.data),
    staleTime: 60_000,
  });
}

export interface DepartmentNode extends DepartmentView {
  children?: DepartmentNode[];
}

/** Builds the tree from the flat list by parentId; a department whose parent is missing becomes a root. */
export function departmentTree(list: DepartmentView[]): DepartmentNode[] {
  const byId = new Map<string, DepartmentNode>(list.map((d) => [d.id, { ...d }]));
  const roots: DepartmentNode[] = [];
  const ordered = [...byId.values()].sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
  for (const node of ordered) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

/** Options for a TreeSelect; `excludeId` drops a department with its subtree (a department cannot sit under itself). */
export function toTreeOptions(nodes: DepartmentNode[], excludeId?: string): TreeOption[] {
  return nodes
    .filter((n) => n.id !== excludeId)
    .map((n) => ({
      value: n.id,
      title: n.name,
      children: n.children && toTreeOptions(n.children, excludeId),
    }));
}
