import { App, Button, Card, Descriptions, Flex, Popconfirm, Tabs, Typography } from 'antd';
import { useParams } from 'react-router';
import { MEETING_ACTION_LABELS, type MeetingAction } from '../../../common/schemas/congress';
import { api } from '../../api';
import { MeetingStatusTag } from './CongressPage';
import { useCongressMutation, useMeeting } from './congressQueries';
import { PollsPanel } from './PollsPanel';
import { SignInBoard } from './SignInBoard';

/** One meeting: its details, opening and closing, the sign-in board and the polls. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const meeting = useMeeting(id);
  const step = useCongressMutation((action: MeetingAction) =>
    api.post(`/congress/meetings/${id}/status`, { action }),
  );
  const m = meeting.data;
  if (!m) return <Card loading={meeting.isLoading}>{meeting.error?.message}</Card>;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {m.title} <MeetingStatusTag status={m.status} />
          </Typography.Title>
          <Flex gap={8}>
            {m.abilities.actions.map((a) => (
              <Popconfirm
                key={a}
                title={`确认${MEETING_ACTION_LABELS[a]}？`}
                onConfirm={() =>
                  step
                    .mutateAsync(a)
                    .then(() => message.success(`会议已${MEETING_ACTION_LABELS[a]}`))
                    .catch((e: Error) => message.error(e.message))
                }
              >
                <Button type="primary">{MEETING_ACTION_LABELS[a]}</Button>
              </Popconfirm>
            ))}
          </Flex>
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          items={[
            { key: 'date', label: '日期', children: m.date },
            { key: 'place', label: '地点', children: m.place ?? '—' },
            {
              key: 'quorum',
              label: '法定人数',
              children: `正式代表到会不少于 ${m.quorumNumerator}/${m.quorumDenominator}`,
            },
            {
              key: 'agenda',
              label: '议程',
              span: 3,
              children: <pre style={{ margin: 0 }}>{m.agenda ?? '—'}</pre>,
            },
          ]}
        />
      </Card>
      <Tabs
        items={[
          { key: 'signin', label: '签到', children: <SignInBoard meetingId={id} /> },
          { key: 'polls', label: '表决与选举', children: <PollsPanel meeting={m} /> },
        ]}
      />
    </Flex>
  );
}
