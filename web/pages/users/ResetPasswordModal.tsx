import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { resetPasswordBody, type UserView } from '../../../common/schemas/user';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { PASSWORD_RULE_TEXT } from '../auth/passwordFields';
import { USERS_KEY } from './userQueries';

/** An administrator sets a new password; the user must change it at the next login, and a lock is lifted. */
interface Props {
  open: boolean;
  user: UserView | undefined;
  onClose: () => void;
}

export function ResetPasswordModal({ open, user, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function submit(body: unknown) {
    await api.post(`/users/${user?.id}/password`, body);
    await queryClient.invalidateQueries({ queryKey: USERS_KEY });
    message.success('密码已重置，请将新密码告知本人');
    onClose();
  }

  return (
    <FormModal
      title={`重置密码：${user?.displayName ?? ''}`}
      open={open}
      onClose={onClose}
      schema={resetPasswordBody}
      onSubmit={submit}
      submitText="重置密码"
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="重置后该用户下次登录须修改密码；如账户因多次登录失败被锁定，将同时解锁。"
        />
      }
    >
      <Form.Item name="password" label="新密码" required extra={PASSWORD_RULE_TEXT}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
