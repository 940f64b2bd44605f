import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Select, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Permission } from '../../../common/permissions';
import type { DemocracyStats } from '../../../common/schemas/democracyStats';
import { can, useMe } from '../../access';
import { api } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { recentYears } from '../../options';

interface Figure {
  title: string;
  value: number | string;
  suffix?: string;
  /** The list behind the figure; opened when the user may read it. */
  to?: string;
  permission?: Permission;
}

function Figures({ title, figures }: { title: string; figures: Figure[] }) {
  const me = useMe();
  const navigate = useNavigate();
  return (
    <Card size="small" title={title}>
      <Row gutter={[16, 16]}>
        {figures.map((f) => {
          const open = f.to && (!f.permission || can(me, f.permission));
          const stat: ReactNode = <Statistic title={f.title} value={f.value} suffix={f.suffix} />;
          return (
            <Col key={f.title} xs={12} md={6}>
              {open ? (
                <button
                  type="button"
                  onClick={() => navigate(f.to!)}
                  style={{ all: 'unset', cursor: 'pointer', display: 'block' }}
                  aria-label={`${f.title}：${f.value}，查看明细`}
                >
                  {stat}
                </button>
              ) : (
                stat
              )}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

const rate = (r: number | null) => (r === null ? '—' : r);

/** 年度数据: the year's democratic management in figures, each opening the list behind it. */
export default function DemocracyStatsPage() {
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || new Date().getFullYear();
  const { data: s, error } = useQuery({
    queryKey: ['democracy', 'stats', year],
    queryFn: () => api.get<{ data: DemocracyStats }>(`/democracy/stats?year=${year}`).then((r) => r.data),
  });
  const y = `year=${year}`;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          民主管理年度数据
        </Typography.Title>
        <Select
          value={year}
          options={recentYears()}
          onChange={(v) => setSearch({ year: String(v) })}
          style={{ width: 110 }}
          aria-label="年份"
        />
      </Flex>
      {error && <Card>加载失败：{error.message}</Card>}
      {!s && !error && <PageLoading />}
      {s && (
        <>
          <Figures
            title="职代会提案"
            figures={[
              {
                title: '提交提案',
                value: s.proposals.submitted,
                suffix: '件',
                to: `/proposals?${y}`,
                permission: 'proposal:read',
              },
              {
                title: '立案',
                value: s.proposals.accepted,
                suffix: '件',
                to: `/proposals?${y}&state=accepted`,
                permission: 'proposal:read',
              },
              {
                title: '不立案',
                value: s.proposals.notAccepted,
                suffix: '件',
                to: `/proposals?${y}&state=notAccepted`,
                permission: 'proposal:read',
              },
              { title: `并案（归为 ${s.proposals.topics} 项）`, value: s.proposals.merged, suffix: '件' },
              {
                title: '已答复',
                value: s.proposals.answered,
                suffix: '件',
                to: `/proposals?${y}&state=answered`,
                permission: 'proposal:read',
              },
              {
                title: '满意',
                value: s.proposals.satisfied,
                suffix: '件',
                to: `/proposals?${y}&satisfaction=satisfied`,
                permission: 'proposal:read',
              },
              {
                title: '基本满意',
                value: s.proposals.basicallySatisfied,
                suffix: '件',
                to: `/proposals?${y}&satisfaction=basicallySatisfied`,
                permission: 'proposal:read',
              },
              {
                title: '不满意',
                value: s.proposals.dissatisfied,
                suffix: '件',
                to: `/proposals?${y}&satisfaction=dissatisfied`,
                permission: 'proposal:read',
              },
            ]}
          />
          <Figures
            title="合理化建议"
            figures={[
              { title: '收到建议', value: s.suggestions.submitted, suffix: '条', to: `/suggestions?${y}` },
              {
                title: '采纳',
                value: s.suggestions.adopted,
                suffix: '条',
                to: `/suggestions?${y}&state=adopted`,
              },
              {
                title: '未采纳',
                value: s.suggestions.declined,
                suffix: '条',
                to: `/suggestions?${y}&state=declined`,
              },
              { title: '采纳率', value: rate(s.suggestions.adoptionRate), suffix: '%' },
              { title: '已答复', value: s.suggestions.answered, suffix: '条' },
              {
                title: `职工参与率（${s.participation.participants}/${s.participation.members}）`,
                value: rate(s.participation.rate),
                suffix: '%',
              },
            ]}
          />
          <Figures
            title="座谈会"
            figures={[
              {
                title: '召开座谈会',
                value: s.forums.held,
                suffix: '次',
                to: `/forums?${y}`,
                permission: 'forum:manage',
              },
              {
                title: '提出问题',
                value: s.forums.issuesRaised,
                suffix: '个',
                to: `/forums/issues?${y}`,
                permission: 'forum:manage',
              },
              {
                title: '已解决',
                value: s.forums.issuesSolved,
                suffix: '个',
                to: `/forums/issues?${y}&solved=true`,
                permission: 'forum:manage',
              },
            ]}
          />
          <Figures
            title={`院务公开（共 ${s.disclosures.total} 项）`}
            figures={s.disclosures.byCategory.map((c) => ({
              title: c.label,
              value: c.count,
              suffix: '项',
              to: `/disclosures?${y}&category=${c.category}`,
              permission: 'disclosure:read',
            }))}
          />
        </>
      )}
    </Flex>
  );
}
