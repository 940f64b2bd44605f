import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Statistic } from 'antd';
import type { FundsSummary } from '../../../common/schemas/funds';
import { api } from '../../api';
import { money } from '../funds/fundsShared';

/** 经费执行 on the home screen: totals of this year's budget only (no payee, no entry). */
export function FundsPanel() {
  const year = new Date().getFullYear();
  const { data, isLoading } = useQuery({
    queryKey: ['funds', 'summary', year],
    queryFn: () => api.get<{ data: FundsSummary }>(`/funds/summary?year=${year}`).then((r) => r.data),
  });
  const used = data && data.expenseBudgetFen > 0 ? (data.expensePaidFen / data.expenseBudgetFen) * 100 : 0;
  return (
    <Card title={`${year}年经费执行`} loading={isLoading}>
      {data && (
        <Row gutter={16} align="middle">
          <Col xs={24} md={6}>
            <Statistic title="支出预算（元）" value={money(data.expenseBudgetFen)} />
          </Col>
          <Col xs={24} md={6}>
            <Statistic title="已支付（元）" value={money(data.expensePaidFen)} />
          </Col>
          <Col xs={24} md={6}>
            <Statistic title="已批未付（元）" value={money(data.expenseCommittedFen)} />
          </Col>
          <Col xs={24} md={6}>
            <Progress type="dashboard" percent={Math.round(used)} format={(p) => `已用 ${p}%`} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
