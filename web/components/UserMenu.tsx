import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../access';
import { api } from '../api';

export function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function logout() {
    try {
      await api.post('/auth/logout');
    } catch (err) {
      message.error((err as Error).message);
      return;
    }
    queryClient.clear();
    navigate('/login');
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', label: '修改密码', icon: <KeyOutlined /> },
          { key: 'logout', label: '退出登录', icon: <LogoutOutlined /> },
        ],
        onClick: ({ key }) => (key === 'logout' ? logout() : navigate('/password')),
      }}
    >
      <Button type="text" icon={<UserOutlined />}>
        {me.displayName} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
