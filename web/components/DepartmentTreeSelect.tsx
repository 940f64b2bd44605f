import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { departmentTree, toTreeOptions, useDepartments } from '../queries';

type Props = Omit<TreeSelectProps, 'treeData'> & { excludeId?: string };

/** Picks a department from the tree; `excludeId` hides a department and its subtree (no cycles). */
export function DepartmentTreeSelect({ excludeId, ...props }: Props) {
  const { data = [], isLoading } = useDepartments();
  const treeData = useMemo(() => toTreeOptions(departmentTree(data), excludeId), [data, excludeId]);
  return (
    <TreeSelect
      treeData={treeData}
      loading={isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      placeholder="选择科室"
      style={{ width: '100%' }}
      {...props}
    />
  );
}
