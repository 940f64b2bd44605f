import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../common/schemas/auth';
import { setupBody } from '../../../common/schemas/auth';
import { ME_KEY } from '../../access';
import { api } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { ZodForm } from '../../components/ZodForm';
import { AuthCard } from './AuthCard';
import { NewPasswordFields, withoutConfirm } from './passwordFields';
import { useSetupStatus } from './useSetupStatus';

/** 系统初始化: creates the union and its first system administrator from the one-time setup link. */
export default function SetupPage() {
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const status = useSetupStatus();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  if (status.isPending) return <PageLoading full />;
  if (status.data && !status.data.needed) {
    return (
      <AuthCard title="系统初始化">
        <Result
          status="success"
          title="系统已完成初始化"
          extra={
            <Button type="primary" onClick={() => navigate('/login')}>
              去登录
            </Button>
          }
        />
      </AuthCard>
    );
  }

  async function submit(body: unknown) {
    const { data } = await api.post<{ data: Me }>('/setup', body);
    queryClient.setQueryData(ME_KEY, data);
    navigate('/', { replace: true });
  }

  return (
    <AuthCard title="系统初始化">
      {!token && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="缺少初始化令牌：请使用服务器启动时在控制台打印的初始化链接打开本页。"
        />
      )}
      <ZodForm
        schema={setupBody}
        toBody={(v) => ({ ...withoutConfirm(v), token })}
        onSubmit={submit}
        submitText="完成初始化"
        block
        disabled={!token}
      >
        <Form.Item name="orgName" label="工会名称" required extra="如：某某医院工会委员会">
          <Input />
        </Form.Item>
        <Form.Item
          name="username"
          label="管理员用户名"
          required
          extra="以字母开头，3–32位字母、数字、下划线、点或短横线"
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" required>
          <Input />
        </Form.Item>
        <NewPasswordFields name="password" label="密码" />
      </ZodForm>
    </AuthCard>
  );
}
