import { Card, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import {
  HANDLING_ACTION_LABELS,
  HANDLING_STATE_LABELS,
  type HandlingDetailView,
  SATISFACTION_LABELS,
} from '../../../common/schemas/handling';
import { formatDateTime } from '../../format';

export const HANDLING_COLORS = {
  assigned: 'processing',
  answered: 'cyan',
  rated: 'purple',
  closed: 'success',
} as const;

/** A handled item (suggestion, forum problem): departments, deadline, answers, ratings and timeline. */
export function HandlingPanel({ h }: { h: HandlingDetailView | null }) {
  if (!h) {
    return (
      <Card size="small" title="办理情况">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未交办" />
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title="办理情况"
      extra={<Tag color={HANDLING_COLORS[h.state]}>{HANDLING_STATE_LABELS[h.state]}</Tag>}
      data-testid="handling-panel"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'lead', label: '主办部门', children: h.leadDepartmentName },
          { key: 'co', label: '协办部门', children: h.coDepartmentNames.join('、') || '—' },
          {
            key: 'due',
            label: '办理期限',
            children: (
              <>
                {h.dueDate} {h.overdue && <Tag color="error">已逾期</Tag>}
                {h.dueSoon && <Tag color="warning">即将到期</Tag>}
              </>
            ),
          },
          {
            key: 'sat',
            label: '满意度',
            children: h.satisfaction ? SATISFACTION_LABELS[h.satisfaction] : '—',
          },
          {
            key: 'round',
            label: '办理轮次',
            children: h.round > 1 ? `第${h.round}轮（${h.reopenReason ?? ''}）` : '第1轮',
          },
        ]}
      />
      {h.responses.map((r) => (
        <Card
          key={r.id}
          size="small"
          type="inner"
          style={{ marginTop: 8 }}
          title={`${r.departmentName}答复（${r.doneOn}）`}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {r.content}
          </Typography.Paragraph>
        </Card>
      ))}
      {h.ratings.map((r) => (
        <Typography.Paragraph key={`${r.round}-${r.createdAt}`} style={{ marginTop: 8 }}>
          第{r.round}轮评价：<Tag>{SATISFACTION_LABELS[r.satisfaction]}</Tag>
          {r.reason}
        </Typography.Paragraph>
      ))}
      <Timeline
        style={{ marginTop: 16 }}
        items={h.history.map((e) => ({
          key: e.id,
          content: (
            <>
              <Typography.Text strong>{HANDLING_ACTION_LABELS[e.action] ?? e.action}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(e.createdAt)} {e.actorName}
              </Typography.Text>
              {e.note && <div>{e.note}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
