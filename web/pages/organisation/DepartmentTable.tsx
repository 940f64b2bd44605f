import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../access';
import { api } from '../../api';
import { useDialog } from '../../components/useDialog';
import { DEPARTMENTS_KEY, type DepartmentNode, departmentTree, useDepartments } from '../../queries';
import { type DepartmentEdit, DepartmentFormDrawer } from './DepartmentFormDrawer';

/** The department tree as a table, with add / add-child / edit / delete for those who manage the organisation. */
export function DepartmentTable() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useCan('org:manage');
  const { data, isPending, error } = useDepartments();
  const tree = useMemo(() => departmentTree(data ?? []), [data]);
  const editor = useDialog<DepartmentEdit>({ parentId: null });
  // The tree starts (and stays, as departments are added) expanded; only what the user folds is folded.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const expanded = (data ?? []).map((d) => d.parentId).filter((id): id is string => !!id && !folded.has(id));

  async function remove(d: DepartmentNode) {
    try {
      await api.del(`/departments/${d.id}`);
      await queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
      message.success(`已删除科室 ${d.name}`);
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  const columns: TableColumnsType<DepartmentNode> = [
    { title: '科室名称', dataIndex: 'name' },
    { title: '科室编码', dataIndex: 'code', render: (v) => v ?? '—' },
    { title: '排序', dataIndex: 'sort', width: 80 },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, d) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => editor.show({ parentId: d.id })}>
            新增下级
          </Button>
          <Button type="link" size="small" onClick={() => editor.show({ department: d })}>
            编辑
          </Button>
          <Popconfirm title={`确定删除科室「${d.name}」？`} onConfirm={() => remove(d)}>
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title="科室"
      size="small"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show({ parentId: null })}>
            新增科室
          </Button>
        )
      }
    >
      <div data-testid="departments-table">
        <Table<DepartmentNode>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={tree}
          loading={isPending}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, d) =>
              setFolded((prev) => {
                const next = new Set(prev);
                if (open) next.delete(d.id);
                else next.add(d.id);
                return next;
              }),
          }}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={error ? { emptyText: `加载失败：${error.message}` } : undefined}
        />
      </div>
      <DepartmentFormDrawer open={editor.open} edit={editor.subject} onClose={editor.close} />
    </Card>
  );
}
