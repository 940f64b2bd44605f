import { Card, Descriptions, Empty, List, Tag, Timeline, Typography } from 'antd';
import {
  HANDLING_ACTION_LABELS,
  HANDLING_STATE_LABELS,
  type HandlingDetailView,
} from '../../../common/schemas/handling';
import { formatDateTime } from '../../format';
import { SatisfactionTag } from './ProposalTags';

/** The handling of a topic or item: departments, due date, the answers of each round and the ratings. */
export function HandlingPanel({ item, extra }: { item: HandlingDetailView | null; extra?: React.ReactNode }) {
  if (!item) {
    return (
      <Card size="small" title="办理情况" extra={extra}>
        <Empty description="尚未交办" />
      </Card>
    );
  }
  return (
    <Card size="small" title="办理情况" extra={extra} data-testid="handling-panel">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="主办部门">{item.leadDepartmentName}</Descriptions.Item>
        <Descriptions.Item label="协办部门">{item.coDepartmentNames.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="办理期限">
          {item.dueDate} {item.overdue && <Tag color="error">逾期</Tag>}
          {item.dueSoon && <Tag color="warning">即将到期</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="办理状态">
          <span data-testid="handling-state">{HANDLING_STATE_LABELS[item.state]}</span>
          {item.round > 1 && <Tag style={{ marginLeft: 8 }}>第{item.round}轮</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="满意度">
          <SatisfactionTag value={item.satisfaction} />
        </Descriptions.Item>
        {item.reopenReason && <Descriptions.Item label="退回原因">{item.reopenReason}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>答复</Typography.Title>
      <List
        size="small"
        dataSource={item.responses}
        locale={{ emptyText: '暂无答复' }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={`${r.departmentName}（${r.departmentRole === 'lead' ? '主办' : '协办'}，第${r.round}轮，${r.doneOn}）`}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span>}
            />
            {r.responderName}
          </List.Item>
        )}
      />
      {item.ratings.length > 0 && (
        <>
          <Typography.Title level={5}>评价</Typography.Title>
          <List
            size="small"
            dataSource={item.ratings}
            renderItem={(r) => (
              <List.Item>
                第{r.round}轮 <SatisfactionTag value={r.satisfaction} /> {r.reason} — {r.raterName}
              </List.Item>
            )}
          />
        </>
      )}
      <Typography.Title level={5}>办理过程</Typography.Title>
      <Timeline
        items={item.history.map((e) => ({
          children: `${formatDateTime(e.createdAt)} ${e.actorName ?? ''} ${HANDLING_ACTION_LABELS[e.action] ?? e.action}${e.note ? `：${e.note}` : ''}`,
        }))}
      />
    </Card>
  );
}
