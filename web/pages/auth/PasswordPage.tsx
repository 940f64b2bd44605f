import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../../../common/schemas/auth';
import { changePasswordBody } from '../../../common/schemas/auth';
import { ME_KEY, useMe } from '../../access';
import { api } from '../../api';
import { ZodForm } from '../../components/ZodForm';
import { NewPasswordFields, withoutConfirm } from './passwordFields';

export default function PasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function submit(body: unknown) {
    const { data } = await api.post<{ data: Me }>('/auth/password', body);
    queryClient.setQueryData(ME_KEY, data);
    message.success('密码已修改');
    navigate('/', { replace: true });
  }

  return (
    <Card title="修改密码" style={{ maxWidth: 480, margin: '0 auto' }}>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先修改密码"
          description="这是您首次登录，或密码已由管理员重置。为保障账户安全，请设置只有您自己知道的新密码后再使用系统。"
        />
      )}
      <ZodForm
        schema={changePasswordBody}
        toBody={withoutConfirm}
        onSubmit={submit}
        submitText="确认修改"
        block
      >
        <Form.Item name="currentPassword" label="当前密码" required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label="新密码" />
      </ZodForm>
    </Card>
  );
}
