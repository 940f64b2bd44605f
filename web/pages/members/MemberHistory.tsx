import { Alert, Empty, Skeleton, Timeline, Typography } from 'antd';
import {
  MEMBERSHIP_ACTION_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatus,
} from '../../../common/enums';
import { formatDateTime } from '../../format';
import { useMemberHistory } from './memberQueries';

const actionLabel = (a: string) => MEMBERSHIP_ACTION_LABELS[a as keyof typeof MEMBERSHIP_ACTION_LABELS] ?? a;
const statusLabel = (s: string) => MEMBERSHIP_STATUS_LABELS[s as MembershipStatus] ?? s;

/** The membership events of one member, newest first, as a timeline. */
export function MemberHistory({ memberId }: { memberId: string }) {
  const { data, error, isPending } = useMemberHistory(memberId);
  if (isPending) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={`会籍记录加载失败：${error.message}`} />;
  if (data.length === 0) return <Empty description="暂无会籍变动记录" />;
  return (
    <Timeline
      items={data.map((e) => ({
        key: e.id,
        title: e.date,
        content: (
          <>
            <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
            <div>
              {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
              {statusLabel(e.toStatus)}
            </div>
            {e.reason && <div>原因：{e.reason}</div>}
            <Typography.Text type="secondary">
              {e.actorName ?? '系统'} · {formatDateTime(e.createdAt)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
