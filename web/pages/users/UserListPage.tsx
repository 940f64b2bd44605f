import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { ROLE_LABELS } from '../../../common/permissions';
import type { UserView } from '../../../common/schemas/user';
import { ListPage } from '../../components/ListPage';
import { useDialog } from '../../components/useDialog';
import { formatDateTime } from '../../format';
import { useListParams } from '../../useListParams';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { useUsers } from './userQueries';

function AccountState({ user }: { user: UserView }) {
  const locked = user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs());
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag color="default">已停用</Tag> : <Tag color="success">正常</Tag>}
      {locked && <Tag color="error">已锁定（至 {dayjs(user.lockedUntil).format('MM-DD HH:mm')}）</Tag>}
      {user.mustChangePassword && <Tag color="warning">待修改密码</Tag>}
    </Space>
  );
}

/** 用户与角色: accounts, their roles, and password resets. */
export default function UserListPage() {
  const list = useListParams();
  const { data, isFetching, error } = useUsers({
    q: list.params.q,
    page: list.page,
    pageSize: list.pageSize,
  });
  const editor = useDialog<UserView | undefined>(undefined);
  const reset = useDialog<UserView | undefined>(undefined);

  const columns: TableColumnsType<UserView> = [
    { title: '用户名', dataIndex: 'username', fixed: 'start' },
    { title: '姓名', dataIndex: 'displayName' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: UserView['roles']) => (
        <Space size={4} wrap>
          {roles.map((r) => (
            <Tag key={r} color="blue">
              {ROLE_LABELS[r]}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '状态', key: 'state', render: (_, u) => <AccountState user={u} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: formatDateTime },
    { title: '创建时间', dataIndex: 'createdAt', render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => editor.show(u)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => reset.show(u)}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <ListPage
      title="用户与角色"
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show(undefined)}>
          新增用户
        </Button>
      }
      filters={
        <Input.Search
          key={list.params.q ?? ''}
          defaultValue={list.params.q}
          placeholder="用户名 / 姓名"
          aria-label="搜索"
          allowClear
          enterButton="搜索"
          onSearch={(q) => list.setFilters({ q: q.trim() || undefined })}
          style={{ width: 300, maxWidth: '100%' }}
        />
      }
    >
      <div data-testid="users-table">
        <Table<UserView>
          rowKey="id"
          columns={columns}
          dataSource={data?.data}
          loading={isFetching}
          pagination={list.pagination(data?.page.total)}
          scroll={{ x: 'max-content' }}
          locale={error ? { emptyText: `加载失败：${error.message}` } : undefined}
        />
      </div>
      <UserFormDrawer open={editor.open} user={editor.subject} onClose={editor.close} />
      <ResetPasswordModal open={reset.open} user={reset.subject} onClose={reset.close} />
    </ListPage>
  );
}
