import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Table, Tag } from 'antd';
import { POLL_BASE_LABELS, POLL_THRESHOLD_LABELS, type PollView } from '../../../common/schemas/poll';
import { usePollResult } from './congressQueries';

/** The tally of a closed poll, with the Word result sheet for the record. */
export function PollResultView({ poll }: { poll: PollView }) {
  const result = usePollResult(poll.id, poll.status === 'closed');
  const r = result.data;
  if (!r) return null;
  const election = poll.subject === 'election';
  return (
    <Flex vertical gap={8} data-testid={`result-${poll.id}`}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'e', label: '应到', children: `${r.entitled}人` },
          { key: 'p', label: '实到', children: `${r.present}人` },
          { key: 'c', label: '有效票', children: `${r.cast}${r.invalid ? `（废票${r.invalid}）` : ''}` },
          {
            key: 'rule',
            label: '通过规则',
            children: `${POLL_BASE_LABELS[poll.base]}${r.baseCount}人${POLL_THRESHOLD_LABELS[poll.threshold]}，至少${r.required}票`,
          },
          ...(election
            ? []
            : [
                { key: 'for', label: '赞成', children: r.for },
                { key: 'against', label: '反对', children: r.against },
                { key: 'abstain', label: '弃权', children: r.abstain },
              ]),
          {
            key: 'result',
            label: '结果',
            children: election ? (
              <Tag color={r.passed ? 'success' : 'warning'}>
                {r.passed ? '名额已选满' : `尚缺${r.remainingSeats}名`}
              </Tag>
            ) : (
              <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? '通过' : '未通过'}</Tag>
            ),
          },
        ]}
      />
      {election && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.candidates}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (n: string, c) => (c.writeIn ? `${n}（另选）` : n) },
            { title: '得票', dataIndex: 'votes' },
            {
              title: '结果',
              dataIndex: 'elected',
              render: (e: boolean) => (e ? <Tag color="success">当选</Tag> : '未当选'),
            },
          ]}
        />
      )}
      <div>
        <Button size="small" icon={<DownloadOutlined />} href={`/api/polls/${poll.id}/result-sheet`} download>
          下载结果单（Word）
        </Button>
      </div>
    </Flex>
  );
}
