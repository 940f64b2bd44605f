import { Alert, Badge, Card, Col, List, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AID_KIND_LABELS, VISIT_REASON_LABELS } from '../../../../common/schemas/care';
import type { CareHome } from '../../../../common/schemas/careStats';
import { useCan } from '../../../access';
import { AidStateTag } from '../aid/aidShared';

function WorklistCard(props: {
  title: string;
  count: number;
  /** Where the whole worklist is, when the user may open it. */
  more: string | null;
  extra?: ReactNode;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <>
          {props.title} <Badge count={props.count} showZero color={props.count ? 'blue' : 'gray'} />
          {props.extra}
        </>
      }
      extra={props.more && <Link to={props.more}>全部</Link>}
    >
      {props.count === 0 ? <Typography.Text type="secondary">{props.empty}</Typography.Text> : props.children}
    </Card>
  );
}

/** 今日待办: the worklists' counts and first rows; the worklist pages have the rest. */
export function TodayWorklists({ home }: { home: CareHome }) {
  const worklists = useCan('care:write') ? '/care/worklists' : null;
  const files = useCan('care:read');
  const { birthdays, events, hardshipReviews, aidWaiting, festival } = home;
  return (
    <Row gutter={[16, 16]}>
      {festival && (
        <Col span={24}>
          <Alert
            type={festival.pending ? 'warning' : 'success'}
            showIcon
            title={`距${festival.festival}（${festival.date}）还有 ${festival.daysLeft} 天：${
              festival.pending
                ? `尚有 ${festival.pending} 名退休职工和困难职工未慰问`
                : '退休职工和困难职工均已慰问'
            }`}
            action={
              worklists && festival.pending > 0 && <Link to={`${worklists}?tab=festival`}>去批量登记</Link>
            }
          />
        </Col>
      )}
      <Col xs={24} md={12} xl={6}>
        <WorklistCard
          title="本月生日未慰问"
          count={birthdays.count}
          more={worklists && `${worklists}?tab=birthdays&visited=no`}
          empty={`本月生日 ${birthdays.total} 人，均已慰问`}
        >
          <List
            size="small"
            dataSource={birthdays.rows}
            renderItem={(r) => (
              <List.Item extra={r.birthDate.slice(5)}>
                {/* One child: the item spreads its children apart, and the date belongs at the right. */}
                <span>
                  {r.name}
                  <Typography.Text type="secondary"> {r.departmentName}</Typography.Text>
                </span>
              </List.Item>
            )}
          />
        </WorklistCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <WorklistCard
          title="报告事件待慰问"
          count={events.count}
          more={worklists}
          empty="没有待慰问的报告事件"
          extra={
            events.overdue > 0 && (
              <Tag color="error" style={{ marginInlineStart: 8 }}>
                逾期 {events.overdue}
              </Tag>
            )
          }
        >
          <List
            size="small"
            dataSource={events.rows}
            renderItem={(e) => (
              <List.Item
                extra={
                  e.overdue ? (
                    <Tag color="error">逾期</Tag>
                  ) : (
                    <span style={{ whiteSpace: 'nowrap' }}>{e.eventDate}</span>
                  )
                }
              >
                <Typography.Text type={e.overdue ? 'danger' : undefined}>
                  {e.memberName} · {VISIT_REASON_LABELS[e.kind]}
                </Typography.Text>
              </List.Item>
            )}
          />
        </WorklistCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <WorklistCard
          title="困难档案待复核"
          count={hardshipReviews.count}
          more={files ? '/care/hardship?reviewDue=true' : null}
          empty="没有到期的年度复核"
        >
          {hardshipReviews.rows ? (
            <List
              size="small"
              dataSource={hardshipReviews.rows}
              renderItem={(f) => (
                <List.Item extra={f.overdue ? <Tag color="error">已逾期</Tag> : f.nextReviewOn}>
                  <Link to={`/care/hardship/${f.id}`}>{f.memberName}</Link>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">{hardshipReviews.count} 户档案 30 天内到期复核</Typography.Text>
          )}
        </WorklistCard>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <WorklistCard
          title="待我处理的救助"
          count={aidWaiting.count}
          more="/care/aid"
          empty="没有待您处理的救助申请"
        >
          <List
            size="small"
            dataSource={aidWaiting.rows}
            renderItem={(a) => (
              <List.Item extra={<AidStateTag state={a.state} />}>
                <Link to={`/care/aid/${a.id}`}>
                  {a.memberName} · {AID_KIND_LABELS[a.kind]}
                </Link>
              </List.Item>
            )}
          />
        </WorklistCard>
      </Col>
    </Row>
  );
}
