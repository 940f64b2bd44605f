import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  ImportOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../common/permissions';
import { can, useMe } from '../access';

interface Item {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
}

const ITEMS: Item[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/members', label: '会员名册', icon: <TeamOutlined />, permission: 'member:read' },
  { path: '/members/import', label: '导入花名册', icon: <ImportOutlined />, permission: 'member:import' },
  { path: '/organisation', label: '科室与小组', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/users', label: '用户与角色', icon: <UserSwitchOutlined />, permission: 'user:manage' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
];

/** The item whose path is the longest prefix of the current location, if any. */
function selectedKeys(pathname: string, items: Item[]): string[] {
  const matches = items.filter((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  const best = matches.sort((a, b) => b.path.length - a.path.length)[0];
  return best ? [best.path] : [];
}

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = ITEMS.filter((i) => !i.permission || can(me, i.permission));
  return (
    <Menu
      mode="inline"
      selectedKeys={selectedKeys(pathname, items)}
      items={items.map((i) => ({ key: i.path, label: i.label, icon: i.icon }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
