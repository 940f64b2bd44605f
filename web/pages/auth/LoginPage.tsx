import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../common/schemas/auth';
import { loginBody } from '../../../common/schemas/auth';
import { ME_KEY } from '../../access';
import { api } from '../../api';
import { ZodForm } from '../../components/ZodForm';
import { AuthCard } from './AuthCard';
import { useSetupStatus } from './useSetupStatus';

/** Only a path inside this site may be the target after signing in. */
function safeTarget(raw: string | null): string {
  return raw?.startsWith('/') && !raw.startsWith('//') ? raw : '/';
}

export default function LoginPage() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: status } = useSetupStatus();

  async function submit(body: unknown) {
    const { data } = await api.post<{ data: Me }>('/auth/login', body);
    queryClient.setQueryData(ME_KEY, data);
    navigate(safeTarget(search.get('redirect')), { replace: true });
  }

  return (
    <AuthCard title="登录">
      {status?.needed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="系统尚未初始化"
          description="请使用服务器启动时在控制台打印的初始化链接（/setup?token=…）创建工会和系统管理员。"
        />
      )}
      <ZodForm schema={loginBody} onSubmit={submit} submitText="登录" block>
        <Form.Item name="username" label="用户名" required>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </ZodForm>
    </AuthCard>
  );
}
