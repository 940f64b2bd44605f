import { Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { NotificationView } from '../../../common/schemas/notification';

/** One notification as a clickable row: kind, title, time; unread ones in bold with a dot. */
export function NotificationItem({
  n,
  onOpen,
}: {
  n: NotificationView;
  onOpen: (n: NotificationView) => void;
}) {
  const { token } = theme.useToken();
  return (
    <button
      type="button"
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        border: 'none',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: n.read ? 'transparent' : token.colorPrimaryBg,
        padding: '8px 12px',
        cursor: 'pointer',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <Tag color={n.read ? 'default' : 'processing'} style={{ marginInlineEnd: 0 }}>
          {n.kindLabel}
        </Tag>
        <Typography.Text strong={!n.read} ellipsis style={{ flex: 1, minWidth: 0 }}>
          {n.title}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
        {n.read ? '' : ' · 未读'}
      </Typography.Text>
    </button>
  );
}
