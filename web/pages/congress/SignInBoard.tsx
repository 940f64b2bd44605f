import { App, Button, Card, Flex, Input, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DELEGATE_KIND_LABELS, type DelegateKind } from '../../../common/schemas/congress';
import { useCan } from '../../access';
import { api } from '../../api';
import { useAttendance, useCongressMutation } from './congressQueries';

/** The live sign-in board: present / entitled full delegates and the quorum, refreshed every few seconds. */
export function SignInBoard({ meetingId }: { meetingId: string }) {
  const { message } = App.useApp();
  const manage = useCan('congress:manage');
  const board = useAttendance(meetingId);
  const [q, setQ] = useState('');
  const checkIn = useCongressMutation((delegateId: string) =>
    api.post(`/congress/meetings/${meetingId}/check-ins`, { delegateId }),
  );
  const undo = useCongressMutation((delegateId: string) =>
    api.del(`/congress/meetings/${meetingId}/check-ins/${delegateId}`),
  );
  const fail = (e: Error) => message.error(e.message);
  const b = board.data;
  const link = `${window.location.origin}/congress/meetings/${meetingId}/checkin`;
  const rows = (b?.delegates ?? []).filter(
    (d) => !q || d.name.includes(q) || (d.delegation ?? '').includes(q),
  );

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} wrap>
        <Card size="small" style={{ minWidth: 220 }}>
          <Statistic title="正式代表到会" value={b?.present ?? 0} suffix={`/ ${b?.entitled ?? 0}`} />
          <Progress percent={b?.entitled ? Math.round((b.present / b.entitled) * 100) : 0} size="small" />
        </Card>
        <Card size="small" style={{ minWidth: 220 }}>
          <Statistic title="法定人数" value={b?.quorumRequired ?? 0} suffix="人" />
          {b &&
            (b.quorumReached ? (
              <Tag color="success" data-testid="quorum">
                已达法定人数
              </Tag>
            ) : (
              <Tag color="warning" data-testid="quorum">
                未达法定人数
              </Tag>
            ))}
        </Card>
        <Card size="small" style={{ minWidth: 220 }}>
          <Statistic title="列席、特邀代表到会" value={b?.othersPresent ?? 0} />
        </Card>
        <Card size="small" style={{ flex: 1, minWidth: 260 }}>
          <Typography.Text type="secondary">代表手机签到链接（登录后打开）</Typography.Text>
          <Typography.Paragraph copyable style={{ margin: 0 }}>
            {link}
          </Typography.Paragraph>
        </Card>
      </Flex>
      <Card size="small">
        <Input.Search
          placeholder="按姓名或代表团查找"
          allowClear
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 280, marginBottom: 12 }}
        />
        <Table
          rowKey="id"
          size="small"
          loading={board.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '代表团', dataIndex: 'delegation', render: (d: string | null) => d ?? '—' },
            { title: '姓名', dataIndex: 'name' },
            { title: '科室', dataIndex: 'departmentName' },
            { title: '类别', dataIndex: 'kind', render: (k: DelegateKind) => DELEGATE_KIND_LABELS[k] },
            {
              title: '签到',
              dataIndex: 'checkedInAt',
              render: (at: string | null, d) =>
                at ? (
                  <Tag color="success">
                    {new Date(at).toLocaleTimeString('zh-CN')} {d.method === 'self' ? '手机' : '现场'}
                  </Tag>
                ) : (
                  <Tag>未签到</Tag>
                ),
            },
            ...(manage && b?.status !== 'closed'
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    width: 100,
                    render: (_: unknown, d: { id: string; name: string; checkedInAt: string | null }) =>
                      d.checkedInAt ? (
                        <Button type="link" size="small" onClick={() => undo.mutateAsync(d.id).catch(fail)}>
                          撤销
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          aria-label={`为${d.name}签到`}
                          onClick={() => checkIn.mutateAsync(d.id).catch(fail)}
                        >
                          签到
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
