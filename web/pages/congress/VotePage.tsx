import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Result,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CHOICE_LABELS, CHOICES, type Choice, type MyPollView } from '../../../common/schemas/poll';
import { api } from '../../api';
import { useCongressMutation, useMyMeeting, useMyPolls } from './congressQueries';
import { PhoneFrame } from './PhoneFrame';

function ElectionBallot({ item, onVote }: { item: MyPollView; onVote: (body: unknown) => void }) {
  const p = item.poll;
  const [marked, setMarked] = useState<string[]>([]);
  const [writeIn, setWriteIn] = useState('');
  const writeIns = writeIn
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const over = marked.length + writeIns.length > (p.seats ?? 0);
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        应选{p.seats}人，最多选{p.seats}人
      </Typography.Text>
      <Checkbox.Group
        value={marked}
        onChange={(v) => setMarked(v as string[])}
        options={p.candidates.filter((c) => !c.writeIn).map((c) => ({ value: c.id, label: c.name }))}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      />
      {p.allowWriteIn && (
        <Input
          placeholder="另选他人（姓名，多人用顿号分隔）"
          value={writeIn}
          onChange={(e) => setWriteIn(e.target.value)}
        />
      )}
      {over && <Typography.Text type="danger">选择人数超过应选人数</Typography.Text>}
      <Popconfirm
        title="提交后不能修改，确认投票？"
        onConfirm={() => onVote({ candidateIds: marked, writeIns })}
      >
        <Button type="primary" size="large" block disabled={over}>
          投票
        </Button>
      </Popconfirm>
    </Flex>
  );
}

function MotionBallot({ onVote }: { onVote: (body: unknown) => void }) {
  return (
    <Flex gap={8}>
      {CHOICES.map((c: Choice) => (
        <Popconfirm
          key={c}
          title={`投“${CHOICE_LABELS[c]}”票？提交后不能修改`}
          onConfirm={() => onVote({ choice: c })}
        >
          <Button
            size="large"
            style={{ flex: 1 }}
            type={c === 'for' ? 'primary' : 'default'}
            danger={c === 'against'}
          >
            {CHOICE_LABELS[c]}
          </Button>
        </Popconfirm>
      ))}
    </Flex>
  );
}

/** The polls of the meeting on a delegate's phone: vote on the open ones, see how the closed ones ended. */
export default function VotePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const meeting = useMyMeeting(id);
  const polls = useMyPolls(id, !!meeting.data?.delegate);
  const vote = useCongressMutation((v: { pollId: string; body: unknown }) =>
    api.post(`/polls/${v.pollId}/vote`, v.body),
  );
  const cast = (pollId: string) => (body: unknown) =>
    vote
      .mutateAsync({ pollId, body })
      .then(() => message.success('投票成功'))
      .catch((e: Error) => message.error(e.message));

  if (meeting.error) return <Result status="warning" title={meeting.error.message} />;
  if (!meeting.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (!meeting.data.delegate) return <Result status="warning" title="您不是本届职工代表" />;

  return (
    <PhoneFrame>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {meeting.data.meeting.title} · 表决
      </Typography.Title>
      {!meeting.data.checkedInAt && (
        <Link to={`/congress/meetings/${id}/checkin`}>
          <Button block>尚未签到，去签到</Button>
        </Link>
      )}
      {polls.data?.length === 0 && <Empty description="暂无表决事项，请等待主持人宣布开始投票" />}
      {(polls.data ?? []).map((item) => {
        const p = item.poll;
        return (
          <Card key={p.id} size="small" title={p.title} data-testid={`vote-${p.title}`}>
            {p.status === 'closed' ? (
              p.subject === 'election' ? (
                <Tag>投票已结束</Tag>
              ) : (
                <Tag color={p.passed ? 'success' : 'error'}>投票已结束：{p.passed ? '通过' : '未通过'}</Tag>
              )
            ) : item.hasVoted ? (
              <Tag color="success">您已投票</Tag>
            ) : item.refusal ? (
              <Typography.Text type="warning">{item.refusal}</Typography.Text>
            ) : p.subject === 'election' ? (
              <ElectionBallot item={item} onVote={cast(p.id)} />
            ) : (
              <MotionBallot onVote={cast(p.id)} />
            )}
            {p.status === 'open' && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {p.secret ? '无记名投票' : '记名投票'} · 已投票 {p.votedCount} / {p.entitledCount}
              </Typography.Paragraph>
            )}
          </Card>
        );
      })}
    </PhoneFrame>
  );
}
