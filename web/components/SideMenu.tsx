import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  HeartOutlined,
  HomeOutlined,
  ImportOutlined,
  SolutionOutlined,
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
  icon?: ReactNode;
  permission?: Permission;
}

interface Group {
  key: string;
  label: string;
  icon: ReactNode;
  items: Item[];
}

// Modules add their screens here: a top-level item, or an item inside their group.
const ENTRIES: (Item | Group)[] = [
  { path: '/', label: '首页', icon: <HomeOutlined /> },
  { path: '/members', label: '会员名册', icon: <TeamOutlined />, permission: 'member:read' },
  { path: '/members/import', label: '导入花名册', icon: <ImportOutlined />, permission: 'member:import' },
  {
    key: 'democracy',
    label: '民主管理',
    icon: <SolutionOutlined />,
    items: [
      { path: '/congress', label: '职代会与表决', permission: 'congress:read' },
      { path: '/proposals', label: '提案', permission: 'proposal:read' },
      { path: '/proposals/topics', label: '并案与交办', permission: 'proposal:manage' },
      { path: '/handling', label: '承办事项', permission: 'proposal:read' },
      { path: '/disclosures', label: '院务公开', permission: 'disclosure:read' },
      { path: '/suggestions', label: '合理化建议', permission: 'suggestion:submit' },
      { path: '/forums', label: '座谈会', permission: 'forum:manage' },
      { path: '/democracy', label: '年度数据', permission: 'congress:read' },
    ],
  },
  {
    key: 'funds',
    label: '经费管理',
    icon: <BankOutlined />,
    items: [
      { path: '/funds/budget', label: '预算管理', permission: 'funds:read' },
      { path: '/funds/requests', label: '经费申请', permission: 'funds:request' },
      { path: '/funds/ledger', label: '收支明细账', permission: 'funds:read' },
      { path: '/funds/periods', label: '期间结账', permission: 'funds:read' },
      { path: '/funds/settings', label: '经费设置', permission: 'funds:write' },
      { path: '/dues', label: '会费管理', permission: 'funds:read' },
      { path: '/dues/import', label: '会费导入', permission: 'funds:write' },
      { path: '/dues/allocations', label: '拨缴经费', permission: 'funds:read' },
      { path: '/statements', label: '财务报表', permission: 'funds:read' },
    ],
  },
  {
    key: 'care',
    label: '关爱帮扶',
    icon: <HeartOutlined />,
    items: [
      { path: '/care', label: '关爱首页', permission: 'care:summary' },
      { path: '/care/worklists', label: '待慰问', permission: 'care:write' },
      { path: '/care/visits', label: '慰问记录', permission: 'care:summary' },
      { path: '/care/events', label: '事件报告', permission: 'care:report' },
      { path: '/care/hardship', label: '困难职工档案', permission: 'care:read' },
      { path: '/care/aid', label: '救助申请', permission: 'care:apply' },
      { path: '/care/donations', label: '爱心捐款', permission: 'care:summary' },
      { path: '/care/donations/public', label: '捐款公示', permission: 'care:apply' },
      { path: '/care/checkups', label: '健康体检', permission: 'care:write' },
      { path: '/care/checkups/mine', label: '我的体检', permission: 'care:apply' },
      { path: '/care/mutual-aid', label: '互助保障', permission: 'care:write' },
      { path: '/care/rules', label: '福利标准', permission: 'care:summary' },
    ],
  },
  { path: '/organisation', label: '科室与小组', icon: <ApartmentOutlined />, permission: 'org:read' },
  { path: '/users', label: '用户与角色', icon: <UserSwitchOutlined />, permission: 'user:manage' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
];

const isGroup = (e: Item | Group): e is Group => 'items' in e;

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
  const allowed = (i: Item) => !i.permission || can(me, i.permission);
  // A group shows when the user may open at least one of its screens.
  const entries = ENTRIES.flatMap((e): (Item | Group)[] => {
    if (!isGroup(e)) return allowed(e) ? [e] : [];
    const items = e.items.filter(allowed);
    return items.length ? [{ ...e, items }] : [];
  });
  const items = entries.flatMap((e) => (isGroup(e) ? e.items : [e]));
  const selected = selectedKeys(pathname, items);
  const openGroup = entries.find((e) => isGroup(e) && e.items.some((i) => selected.includes(i.path)));
  return (
    <Menu
      mode="inline"
      selectedKeys={selected}
      defaultOpenKeys={openGroup && isGroup(openGroup) ? [openGroup.key] : []}
      items={entries.map((e) =>
        isGroup(e)
          ? {
              key: e.key,
              label: e.label,
              icon: e.icon,
              children: e.items.map((i) => ({ key: i.path, label: i.label, icon: i.icon })),
            }
          : { key: e.path, label: e.label, icon: e.icon },
      )}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
