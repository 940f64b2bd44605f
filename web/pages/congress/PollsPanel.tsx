import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MeetingView } from '../../../common/schemas/congress';
import {
  ELECTION_METHOD_LABELS,
  POLL_ACTION_LABELS,
  POLL_MODE_LABELS,
  POLL_STATUS_LABELS,
  POLL_SUBJECT_LABELS,
  type PollAction,
  type PollStatus,
  type PollView,
} from '../../../common/schemas/poll';
import { useCan } from '../../access';
import { api } from '../../api';
import { useCongressMutation, usePolls } from './congressQueries';
import { PaperCountsModal } from './PaperCountsModal';
import { PollFormDrawer } from './PollFormDrawer';
import { PollResultView } from './PollResultView';

const STATUS_COLORS: Record<PollStatus, string> = { draft: 'default', open: 'processing', closed: 'success' };

/** The polls of a meeting: prepare, open, watch the turnout, close, see the result. */
export function PollsPanel({ meeting }: { meeting: MeetingView }) {
  const { message } = App.useApp();
  const manage = useCan('congress:manage');
  const polls = usePolls(meeting.id);
  const [creating, setCreating] = useState(false);
  const [counting, setCounting] = useState<PollView | null>(null);
  const [editing, setEditing] = useState<PollView | null>(null);
  const fail = (e: Error) => message.error(e.message);
  const step = useCongressMutation((v: { id: string; action: PollAction }) =>
    api.post(`/polls/${v.id}/status`, { action: v.action }),
  );
  const remove = useCongressMutation((id: string) => api.del(`/polls/${id}`));
  const nextRound = useCongressMutation((id: string) => api.post(`/polls/${id}/next-round`));

  return (
    <Flex vertical gap={12}>
      {manage && meeting.status !== 'closed' && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增表决
          </Button>
        </div>
      )}
      {polls.data?.length === 0 && <Empty description="还没有表决事项" />}
      {(polls.data ?? []).map((p) => (
        <Card
          key={p.id}
          size="small"
          data-testid={`poll-${p.title}`}
          title={
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{p.title}</Typography.Text>
              <Tag color={STATUS_COLORS[p.status]}>{POLL_STATUS_LABELS[p.status]}</Tag>
              <Tag>{POLL_SUBJECT_LABELS[p.subject]}</Tag>
              <Tag>{p.secret ? '无记名' : '记名'}</Tag>
              <Tag>{POLL_MODE_LABELS[p.mode]}</Tag>
              {p.electionMethod && (
                <Tag>
                  {ELECTION_METHOD_LABELS[p.electionMethod]} 应选{p.seats}人
                  {p.round > 1 ? ` 第${p.round}轮` : ''}
                </Tag>
              )}
            </Flex>
          }
          extra={
            <Flex gap={8}>
              {p.abilities.enterCounts && (
                <Button size="small" onClick={() => setCounting(p)}>
                  录入计票
                </Button>
              )}
              {p.abilities.actions.map((a) => (
                <Popconfirm
                  key={a}
                  title={`确认${POLL_ACTION_LABELS[a]}？`}
                  onConfirm={() => step.mutateAsync({ id: p.id, action: a }).catch(fail)}
                >
                  <Button size="small" type="primary">
                    {POLL_ACTION_LABELS[a]}
                  </Button>
                </Popconfirm>
              ))}
              {p.abilities.nextRound && (
                <Button size="small" onClick={() => nextRound.mutateAsync(p.id).catch(fail)}>
                  另行选举（下一轮）
                </Button>
              )}
              {p.abilities.edit && (
                <Button size="small" onClick={() => setEditing(p)}>
                  修改
                </Button>
              )}
              {p.abilities.edit && (
                <Popconfirm title="删除该表决？" onConfirm={() => remove.mutateAsync(p.id).catch(fail)}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          }
        >
          {p.subject === 'election' && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              候选人：
              {p.candidates
                .filter((c) => !c.writeIn)
                .map((c) => c.name)
                .join('、')}
              {p.allowWriteIn ? '（可另选他人）' : ''}
            </Typography.Paragraph>
          )}
          {p.status === 'open' && (
            <Typography.Text data-testid="turnout">
              已投票 {p.votedCount} / {p.entitledCount} 人（投票结束后公布结果）
            </Typography.Text>
          )}
          {p.status === 'closed' && <PollResultView poll={p} />}
        </Card>
      ))}
      <PollFormDrawer meetingId={meeting.id} open={creating} onClose={() => setCreating(false)} />
      {editing && (
        <PollFormDrawer meetingId={meeting.id} poll={editing} open onClose={() => setEditing(null)} />
      )}
      {counting && <PaperCountsModal poll={counting} onClose={() => setCounting(null)} />}
    </Flex>
  );
}
