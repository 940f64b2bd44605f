import { Button, Card, Empty, Pagination, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../common/schemas/notification';
import { NotificationItem } from './NotificationItem';
import { useMarkRead, useNotifications } from './notificationQueries';

const PAGE_SIZE = 20;

/** All my notifications, unread first, with paging. */
export default function NotificationsPage() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useNotifications(page, PAGE_SIZE);
  const markRead = useMarkRead();

  function openItem(n: NotificationView) {
    if (!n.read) markRead.mutate(n.id);
    navigate(n.link);
  }

  return (
    <Card
      title="消息通知"
      extra={<Button onClick={() => markRead.mutate(undefined)}>全部标为已读</Button>}
      styles={{ body: { padding: 0 } }}
    >
      {list.isLoading ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : list.data?.data.length ? (
        list.data.data.map((n) => <NotificationItem key={n.id} n={n} onOpen={openItem} />)
      ) : (
        <Empty style={{ padding: 24 }} description="暂无通知" />
      )}
      {(list.data?.page.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ padding: 12, justifyContent: 'flex-end' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.page.total}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </Card>
  );
}
