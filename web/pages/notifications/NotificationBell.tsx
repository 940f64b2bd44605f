import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../common/schemas/notification';
import { NotificationItem } from './NotificationItem';
import { useMarkRead, useNotifications, useUnreadCount } from './notificationQueries';

const PREVIEW = 8;

/** The header bell: unread badge, the newest notifications on click; opening one marks it read. */
export function NotificationBell() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data: unread = 0 } = useUnreadCount();
  const list = useNotifications(1, PREVIEW, open);
  const markRead = useMarkRead();

  function openItem(n: NotificationView) {
    setOpen(false);
    if (!n.read) markRead.mutate(n.id);
    navigate(n.link);
  }

  const content = (
    <div style={{ width: 320, maxWidth: '80vw' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '4px 12px',
        }}
      >
        <Typography.Text strong>消息通知</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => markRead.mutate(undefined)}>
          全部标为已读
        </Button>
      </div>
      <div style={{ maxHeight: 360, overflowY: 'auto' }}>
        {list.isLoading ? (
          <Spin style={{ display: 'block', margin: 16 }} />
        ) : list.data?.data.length ? (
          list.data.data.map((n) => <NotificationItem key={n.id} n={n} onOpen={openItem} />)
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
        )}
      </div>
      <Button
        type="link"
        block
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
      >
        查看全部
      </Button>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
      styles={{ container: { padding: 0 } }}
    >
      <Button type="text" aria-label={`消息通知，${unread} 条未读`} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
