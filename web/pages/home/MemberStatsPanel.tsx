import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Row, Statistic, Table } from 'antd';
import type { MemberStats, MemberStatsRow } from '../../../common/schemas/member';
import { api } from '../../api';
import { formatRate } from '../../format';
import { JoinRateChart } from './JoinRateChart';

const columns = [
  { title: '用工形式', dataIndex: 'label' },
  { title: '职工数', dataIndex: 'staff', align: 'right' as const },
  { title: '会员数', dataIndex: 'members', align: 'right' as const },
  { title: '入会率', dataIndex: 'joinRate', align: 'right' as const, render: formatRate },
];

export function MemberStatsPanel() {
  const { data, error, isPending } = useQuery({
    queryKey: ['members', 'stats'],
    queryFn: () => api.get<{ data: MemberStats }>('/members/stats').then((r) => r.data),
  });
  if (error) return <Alert type="error" showIcon title={`统计数据加载失败：${error.message}`} />;
  const total = data?.total;
  const cards = [
    { title: '职工数', value: total?.staff },
    { title: '会员数', value: total?.members },
    { title: '入会率', value: total && formatRate(total.joinRate) },
    { title: '待审批入会', value: total?.applied },
  ];
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.title} xs={12} lg={6}>
            <Card loading={isPending}>
              <Statistic title={c.title} value={c.value ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title="各科室入会率" loading={isPending}>
        <JoinRateChart rows={data?.byDepartment ?? []} />
      </Card>
      <Card title="按用工形式统计">
        <Table<MemberStatsRow>
          rowKey="key"
          size="small"
          loading={isPending}
          columns={columns}
          dataSource={data?.byEmploymentType}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </Flex>
  );
}
