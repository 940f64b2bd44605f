import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { AID_KIND_LABELS } from '../../../common/schemas/care';
import type { MemberAidRow, MemberCareHistory } from '../../../common/schemas/careStats';
import type { VisitView } from '../../../common/schemas/visit';
import { api } from '../../api';
import { AidStateTag, amountText } from '../care/aid/aidShared';
import { CashText } from '../care/visits/visitsShared';

/**
 * 关爱记录 on a member's page, for care roles only: the visits they received, and for care:read the
 * cash and their aid cases (the server audits that look).
 */
export function MemberCare({ memberId }: { memberId: string }) {
  const { data, error, isLoading } = useQuery({
    queryKey: ['care', 'memberHistory', memberId],
    queryFn: () =>
      api.get<{ data: MemberCareHistory }>(`/care/members/${memberId}/history`).then((r) => r.data),
  });
  return (
    <Card title="关爱记录" size="small" loading={isLoading}>
      {error && <Alert type="error" showIcon title={error.message} />}
      {data && (
        <Flex vertical gap={12}>
          <Typography.Text strong>慰问</Typography.Text>
          <Table<VisitView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.visits}
            locale={{ emptyText: '暂无慰问记录' }}
            columns={[
              { title: '日期', dataIndex: 'visitDate' },
              {
                title: '事由',
                dataIndex: 'reasonLabel',
                render: (label: string, v) => (v.festival ? `${label}（${v.festival}）` : label),
              },
              { title: '慰问人', dataIndex: 'visitors' },
              { title: '慰问品', dataIndex: 'gift', render: (g: string | null) => g ?? '—' },
              ...(data.aid
                ? [
                    {
                      title: '慰问金',
                      dataIndex: 'cashFen',
                      render: (fen: number | null) => <CashText fen={fen} />,
                    },
                  ]
                : []),
            ]}
          />
          {data.aid && (
            <>
              <Typography.Text strong>救助</Typography.Text>
              <Table<MemberAidRow>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.aid}
                locale={{ emptyText: '暂无救助申请' }}
                columns={[
                  { title: '申请日期', dataIndex: 'appliedOn' },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    render: (k: MemberAidRow['kind'], a) => (
                      <Link to={`/care/aid/${a.id}`}>{AID_KIND_LABELS[k]}</Link>
                    ),
                  },
                  { title: '申请金额', dataIndex: 'amountAskedFen', render: amountText },
                  {
                    title: '核定金额',
                    dataIndex: 'amountGrantedFen',
                    render: (fen: number | null) => (fen === null ? '—' : amountText(fen)),
                  },
                  { title: '发放日期', dataIndex: 'paidOn', render: (d: string | null) => d ?? '—' },
                  {
                    title: '状态',
                    dataIndex: 'state',
                    render: (s: MemberAidRow['state']) => <AidStateTag state={s} />,
                  },
                ]}
              />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
