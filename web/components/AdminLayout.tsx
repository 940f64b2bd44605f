import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useMe } from '../access';
import { NotificationBell } from '../pages/notifications/NotificationBell';
import { PageLoading } from './PageLoading';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const brand = (
  <div
    style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}
  >
    医院工会管理系统
  </div>
);

/** Sider menu on desktop, a drawer behind a menu button on phones; header with the union and the user. */
export function AdminLayout() {
  const me = useMe();
  const { token } = theme.useToken();
  const mobile = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const showMenu = !me.mustChangePassword;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {showMenu && !mobile && (
        <Layout.Sider theme="light" width={208} breakpoint="lg" collapsedWidth={64} collapsible>
          {brand}
          <SideMenu />
        </Layout.Sider>
      )}
      {showMenu && mobile && (
        <Drawer
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title="医院工会管理系统"
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: mobile ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          {showMenu && mobile && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {me.orgName}
          </Typography.Text>
          {showMenu && <NotificationBell />}
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
