import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber } from 'antd';
import { type DepartmentView, departmentBody } from '../../../common/schemas/organisation';
import { api } from '../../api';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { DEPARTMENTS_KEY } from '../../queries';

/** What the drawer is doing: editing a department, or adding one (under `parentId` when given). */
export type DepartmentEdit = { department: DepartmentView } | { parentId: string | null };

interface Props {
  open: boolean;
  edit: DepartmentEdit;
  onClose: () => void;
}

export function DepartmentFormDrawer({ open, edit, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const current = 'department' in edit ? edit.department : undefined;

  async function submit(body: unknown) {
    if (current) await api.put(`/departments/${current.id}`, body);
    else await api.post('/departments', body);
    await queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY });
    message.success(current ? '科室已保存' : '科室已新增');
    onClose();
  }

  const initialValues = current
    ? {
        name: current.name,
        parentId: current.parentId ?? undefined,
        code: current.code ?? undefined,
        sort: current.sort,
      }
    : { parentId: ('parentId' in edit && edit.parentId) || undefined, sort: 0 };

  return (
    <FormDrawer
      title={current ? `编辑科室：${current.name}` : '新增科室'}
      open={open}
      onClose={onClose}
      schema={departmentBody}
      initialValues={initialValues}
      onSubmit={submit}
    >
      <Form.Item name="name" label="科室名称" required>
        <Input />
      </Form.Item>
      <Form.Item name="parentId" label="上级科室" extra="不选则为顶级科室">
        <DepartmentTreeSelect excludeId={current?.id} placeholder="无（顶级科室）" />
      </Form.Item>
      <Form.Item name="code" label="科室编码">
        <Input />
      </Form.Item>
      <Form.Item name="sort" label="排序" extra="数字小的排在前面">
        <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}
