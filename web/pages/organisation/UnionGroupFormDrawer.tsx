import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { type UnionGroupView, unionGroupBody } from '../../../common/schemas/organisation';
import { api } from '../../api';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { UNION_GROUPS_KEY } from '../../queries';

interface Props {
  open: boolean;
  /** The group to edit; absent when adding one. */
  group?: UnionGroupView;
  onClose: () => void;
}

export function UnionGroupFormDrawer({ open, group, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function submit(body: unknown) {
    if (group) await api.put(`/union-groups/${group.id}`, body);
    else await api.post('/union-groups', body);
    await queryClient.invalidateQueries({ queryKey: UNION_GROUPS_KEY });
    message.success(group ? '工会小组已保存' : '工会小组已新增');
    onClose();
  }

  return (
    <FormDrawer
      title={group ? `编辑工会小组：${group.name}` : '新增工会小组'}
      open={open}
      onClose={onClose}
      schema={unionGroupBody}
      initialValues={
        group
          ? {
              name: group.name,
              departmentIds: group.departmentIds,
              leaderName: group.leaderName ?? undefined,
              note: group.note ?? undefined,
            }
          : { departmentIds: [] }
      }
      onSubmit={submit}
    >
      <Form.Item name="name" label="小组名称" required>
        <Input />
      </Form.Item>
      <Form.Item name="departmentIds" label="关联科室">
        <DepartmentTreeSelect multiple placeholder="选择一个或多个科室" />
      </Form.Item>
      <Form.Item name="leaderName" label="小组长">
        <Input />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
