import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import {
  CHECKUP_STATUS_LABELS,
  type MyCheckups,
  type MyCheckupView,
} from '../../../../common/schemas/checkup';
import { api } from '../../../api';
import { PageLoading } from '../../../components/PageLoading';
import { AttendanceTag, CHECKUPS_KEY } from './checkupShared';

/**
 * 我的体检: the signed-in member's own place on the checkup lists (this year's first), so they need
 * not phone the union office to learn their batch. Read-only; results come from the checkup centre.
 */
export default function MyCheckupsPage() {
  const { data, isLoading, error } = useQuery({
    queryKey: [...CHECKUPS_KEY, 'mine'],
    queryFn: () => api.get<MyCheckups>('/care/checkups/mine'),
  });
  if (isLoading) return <PageLoading />;
  if (error) return <Alert type="error" showIcon title={`体检安排加载失败：${error.message}`} />;
  if (!data?.memberLinked) {
    return (
      <Card title="我的体检">
        <Alert
          type="info"
          showIcon
          title="您的账户尚未关联会员档案，无法查看体检安排"
          description="请联系系统管理员在“用户与角色”中为您的账户关联会员档案。"
        />
      </Card>
    );
  }
  const thisYear = dayjs().year();
  const hasThisYear = data.data.some((c) => c.year === thisYear);
  return (
    <Card title="我的体检">
      <Flex vertical gap={16}>
        {!hasThisYear && (
          <Empty description="本年度暂无您的体检安排" image={Empty.PRESENTED_IMAGE_SIMPLE}>
            <span style={{ color: '#666' }}>体检名单发布后将在此显示，如有疑问请联系工会办公室。</span>
          </Empty>
        )}
        {data.data.map((c) => (
          <CheckupCard key={c.programmeId} checkup={c} />
        ))}
      </Flex>
    </Card>
  );
}

function CheckupCard({ checkup: c }: { checkup: MyCheckupView }) {
  return (
    <Card
      type="inner"
      size="small"
      title={`${c.year}年 · ${c.programmeName}`}
      extra={c.programmeStatus === 'closed' && <Tag>{CHECKUP_STATUS_LABELS.closed}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'provider', label: '体检机构', children: c.provider ?? '—' },
          { key: 'attendance', label: '到检情况', children: <AttendanceTag attendance={c.attendance} /> },
          {
            key: 'batch',
            label: '体检批次',
            children: c.batch
              ? `${c.batch.date} ${c.batch.timeSlot}，${c.batch.place}`
              : '尚未安排批次，请留意工会通知',
          },
          {
            key: 'extra',
            label: '加项',
            children: c.extraItems.length ? c.extraItems.map((i) => <Tag key={i}>{i}</Tag>) : '无',
          },
        ]}
      />
    </Card>
  );
}
