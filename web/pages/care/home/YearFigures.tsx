import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Row,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AID_KIND_LABELS, VISIT_REASON_LABELS } from '../../../../common/schemas/care';
import type { CareFigure, CareStats } from '../../../../common/schemas/careStats';
import { HARDSHIP_LEVEL_LABELS, HARDSHIP_LEVELS } from '../../../../common/schemas/hardship';
import { api } from '../../../api';
import { FigureLink } from './FigureLink';

const items = (rows: [label: string, figure: CareFigure, unit?: string][]) =>
  rows.map(([label, figure, unit]) => ({
    key: label,
    label,
    children: <FigureLink figure={figure} unit={unit} />,
  }));

/** The aid table's columns after the kind: each a count of cases and their amount. */
const AID_STAGES = [
  ['applied', '申请'],
  ['approved', '批准'],
  ['paid', '已发放'],
] as const;

/** One card of label–figure rows; empty (loading) until the figures are there. */
function FigureCard({
  title,
  loading,
  rows,
}: {
  title: string;
  loading: boolean;
  rows: DescriptionsProps['items'] | undefined;
}) {
  return (
    <Card size="small" title={title} loading={loading}>
      {rows && <Descriptions size="small" column={1} items={rows} />}
    </Card>
  );
}

const byLevel = (levels: Record<string, CareFigure>) =>
  HARDSHIP_LEVELS.map((l) => [HARDSHIP_LEVEL_LABELS[l], levels[l], '户'] as [string, CareFigure, string]);

/** The cards under visits and aid: a title and its rows from the year's figures. */
const LOWER_CARDS: { title: string; rows: (s: CareStats, year: number) => DescriptionsProps['items'] }[] = [
  {
    title: '困难职工档案',
    rows: (s, year) =>
      items([
        [year < dayjs().year() ? '年末在档' : '目前在档', s.hardship.activeAtYearEnd, '户'],
        ...byLevel(s.hardship.activeAtYearEnd.byLevel),
        ['本年新建档', s.hardship.registered, '户'],
      ]),
  },
  {
    title: '爱心捐款',
    rows: (s) =>
      items([
        ['捐款活动', s.donations.drives, '次'],
        ['捐款人', s.donations.donors, '人'],
        ['募集', s.donations.raised, '笔'],
        ['已交付', s.donations.handedOver, '次'],
      ]),
  },
  {
    title: '健康体检与互助保障',
    rows: (s) => [
      ...items([
        ['体检应检', s.checkups.eligible, '人'],
        ['体检实检', s.checkups.attended, '人'],
      ]),
      {
        key: 'coverage',
        label: '体检覆盖率',
        children: s.checkups.coverage === null ? '—' : `${s.checkups.coverage}%`,
      },
      ...items([
        ['互助保障参保', s.mutualAid.enrolled, '人'],
        ['互助保障理赔', s.mutualAid.claims, '件'],
        ['互助保障已给付', s.mutualAid.paid, '件'],
      ]),
    ],
  },
];

/** 年度关爱统计: the year's figures, each opening the list of the records it counts. */
export function YearFigures() {
  const [year, setYear] = useState(dayjs().year());
  const {
    data: s,
    error,
    isLoading,
  } = useQuery({
    queryKey: ['care', 'stats', year],
    queryFn: () => api.get<{ data: CareStats }>(`/care/stats?year=${year}`).then((r) => r.data),
  });
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          年度关爱统计
        </Typography.Title>
        <DatePicker
          picker="year"
          allowClear={false}
          aria-label="统计年度"
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => d && setYear(d.year())}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <FigureCard
            title="慰问"
            loading={isLoading}
            rows={
              s &&
              items([
                ['合计', s.visits.total, '人次'],
                ...s.visits.byReason.map(
                  (r) => [VISIT_REASON_LABELS[r.reason], r, '人次'] as [string, CareFigure, string],
                ),
              ])
            }
          />
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title="救助" loading={isLoading}>
            {s && (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                locale={{ emptyText: '本年度暂无救助申请' }}
                dataSource={[
                  ...s.aid.byKind.map((k) => ({ key: k.kind, label: AID_KIND_LABELS[k.kind], ...k })),
                  ...(s.aid.byKind.length ? [{ key: 'total', label: '合计', ...s.aid.total }] : []),
                ]}
                columns={[
                  { title: '类型', dataIndex: 'label' },
                  ...AID_STAGES.map(([dataIndex, title]) => ({
                    title,
                    dataIndex,
                    render: (f: CareFigure) => <FigureLink figure={f} unit="件" />,
                  })),
                ]}
              />
            )}
          </Card>
        </Col>
        {LOWER_CARDS.map((card) => (
          <Col key={card.title} xs={24} md={12} lg={8}>
            <FigureCard title={card.title} loading={isLoading} rows={s && card.rows(s, year)} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
