import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, Switch } from 'antd';
import { ROLE_LABELS, ROLES } from '../../../common/permissions';
import { type UserView, userCreateBody, userUpdateBody } from '../../../common/schemas/user';
import { api } from '../../api';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { labelOptions } from '../../options';
import { PASSWORD_RULE_TEXT } from '../auth/passwordFields';
import { MemberPicker } from './MemberPicker';
import { USERS_KEY } from './userQueries';

interface Props {
  open: boolean;
  /** The account to edit; absent when creating one. */
  user?: UserView;
  onClose: () => void;
}

export function UserFormDrawer({ open, user, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function submit(body: unknown) {
    if (user) await api.put(`/users/${user.id}`, body);
    else await api.post('/users', body);
    await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    message.success(user ? '用户已保存' : '用户已创建，请将初始密码告知本人，首次登录须修改密码');
    onClose();
  }

  return (
    <FormDrawer
      title={user ? `编辑用户：${user.username}` : '新增用户'}
      open={open}
      onClose={onClose}
      schema={user ? userUpdateBody : userCreateBody}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              roles: user.roles,
              departmentIds: user.departmentIds,
              memberId: user.memberId,
              disabled: user.disabled,
            }
          : { roles: [], departmentIds: [], memberId: null }
      }
      onSubmit={submit}
    >
      {!user && (
        <Form.Item
          name="username"
          label="用户名"
          required
          extra="以字母开头，3–32位字母、数字、下划线、点或短横线"
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label="姓名" required>
        <Input />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label="初始密码" required extra={`${PASSWORD_RULE_TEXT}；首次登录须修改`}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item
        name="roles"
        label="角色"
        required
        extra="系统管理员、安全管理员、安全审计员（三员）不能与其他角色兼任"
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={labelOptions(ROLE_LABELS, ROLES)}
          placeholder="选择角色"
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.roles !== b.roles}>
        {({ getFieldValue }) =>
          (getFieldValue('roles') as string[] | undefined)?.some(
            (r) => r === 'groupLeader' || r === 'handler',
          ) && (
            <Form.Item
              name="departmentIds"
              label="负责科室"
              required
              extra="工会小组长只能查看所负责科室的会员；承办部门联系人只能办理交给本科室的事项"
            >
              <DepartmentTreeSelect multiple placeholder="选择负责的科室" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item
        name="memberId"
        label="关联会员"
        extra="职工代表、会员等须关联本人的会员记录，才能投票、提案和评价答复"
      >
        <MemberPicker initial={user} />
      </Form.Item>
      {user && (
        <Form.Item name="disabled" label="停用账户" valuePropName="checked">
          <Switch checkedChildren="停用" unCheckedChildren="启用" />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
