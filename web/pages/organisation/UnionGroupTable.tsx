import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import type { UnionGroupView } from '../../../common/schemas/organisation';
import { useCan } from '../../access';
import { api } from '../../api';
import { useDialog } from '../../components/useDialog';
import { UNION_GROUPS_KEY, useDepartments, useUnionGroups } from '../../queries';
import { UnionGroupFormDrawer } from './UnionGroupFormDrawer';

export function UnionGroupTable() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canManage = useCan('org:manage');
  const { data, isPending, error } = useUnionGroups();
  const { data: departments = [] } = useDepartments();
  const editor = useDialog<UnionGroupView | undefined>(undefined);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));

  async function remove(g: UnionGroupView) {
    try {
      await api.del(`/union-groups/${g.id}`);
      await queryClient.invalidateQueries({ queryKey: UNION_GROUPS_KEY });
      message.success(`已删除工会小组 ${g.name}`);
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  const columns: TableColumnsType<UnionGroupView> = [
    { title: '小组名称', dataIndex: 'name' },
    {
      title: '关联科室',
      dataIndex: 'departmentIds',
      render: (ids: string[]) => ids.map((id) => nameOf.get(id) ?? '（已删除）').join('、') || '—',
    },
    { title: '小组长', dataIndex: 'leaderName', render: (v) => v ?? '—' },
    { title: '备注', dataIndex: 'note', render: (v) => v ?? '—' },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, g) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => editor.show(g)}>
            编辑
          </Button>
          <Popconfirm title={`确定删除工会小组「${g.name}」？`} onConfirm={() => remove(g)}>
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
      title="工会小组"
      size="small"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(undefined)}>
            新增工会小组
          </Button>
        )
      }
    >
      <div data-testid="union-groups-table">
        <Table<UnionGroupView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data}
          loading={isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={error ? { emptyText: `加载失败：${error.message}` } : undefined}
        />
      </div>
      <UnionGroupFormDrawer open={editor.open} group={editor.subject} onClose={editor.close} />
    </Card>
  );
}
