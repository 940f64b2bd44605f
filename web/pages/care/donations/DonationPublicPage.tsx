import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, List, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ANONYMOUS_DONOR, type DonationPublicSummary } from '../../../../common/schemas/donation';
import { yuan } from '../../../../common/schemas/funds';
import { api } from '../../../api';
import { DONATIONS_KEY, DriveStatusTag, RaisedProgress } from './donationsShared';

type PublicDrive = Omit<DonationPublicSummary, 'byDepartment' | 'named' | 'anonymousCount'>;

/** 捐款公示 for every member: the drives, or one drive's summary by department. */
export default function DonationPublicPage() {
  const { id } = useParams();
  return id ? <Summary id={id} /> : <Drives />;
}

function Drives() {
  const drives = useQuery({
    queryKey: [...DONATIONS_KEY, 'public'],
    queryFn: () => api.get<{ data: PublicDrive[] }>('/care/donations/public').then((r) => r.data),
  });
  return (
    <Card title="爱心捐款公示" loading={drives.isLoading}>
      <List
        dataSource={drives.data}
        locale={{ emptyText: <Empty description="暂无捐款活动" /> }}
        renderItem={(d) => (
          <List.Item extra={<RaisedProgress {...d} />}>
            <List.Item.Meta
              title={
                <>
                  <Link to={`/care/donations/public/${d.id}`}>{d.title}</Link>{' '}
                  <DriveStatusTag status={d.status} />
                </>
              }
              description={`${d.startDate} 起，${d.count}笔`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Summary({ id }: { id: string }) {
  const { data: s, error } = useQuery({
    queryKey: [...DONATIONS_KEY, 'public', id],
    queryFn: () =>
      api.get<{ data: DonationPublicSummary }>(`/care/donations/public/${id}`).then((r) => r.data),
  });
  if (error) return <Card>{error.message}</Card>;
  if (!s) return <Card loading />;
  return (
    <Card title={<>捐款公示 · {s.title}</>} extra={<Link to="/care/donations/public">全部公示</Link>}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'b', label: '受助对象', children: s.beneficiaryName },
          { key: 's', label: '状态', children: <DriveStatusTag status={s.status} /> },
          { key: 'r', label: `共${s.count}笔`, children: <RaisedProgress {...s} /> },
          ...(s.handoverDate ? [{ key: 'h', label: '交付日期', children: s.handoverDate }] : []),
        ]}
      />
      <Typography.Title level={5}>各科室捐款</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => r.departmentId ?? 'none'}
        pagination={false}
        dataSource={s.byDepartment}
        data-testid="public-by-department"
        columns={[
          { title: '科室', dataIndex: 'departmentName' },
          { title: '笔数', dataIndex: 'count' },
          { title: '金额（元）', dataIndex: 'totalFen', render: (f: number) => yuan(f) },
          { title: ANONYMOUS_DONOR, dataIndex: 'anonymousCount', render: (n: number) => `${n}人次` },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        捐款芳名（经本人同意公示）
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r, i) => `${r.departmentName}-${r.donorName}-${i}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={s.named}
        data-testid="public-named"
        columns={[
          { title: '科室', dataIndex: 'departmentName' },
          { title: '姓名', dataIndex: 'donorName' },
          { title: '金额（元）', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        另有{ANONYMOUS_DONOR}
        {s.anonymousCount}人次未具名。感谢每一位献出爱心的同事！
      </Typography.Paragraph>
    </Card>
  );
}
