import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  FORUM_ISSUE_STATE_LABELS,
  FORUM_KIND_LABELS,
  type ForumDetailView,
  type ForumIssueView,
  forumIssueCreateBody,
  forumUpdateBody,
  RESOLUTION_KIND_LABELS,
} from '../../../common/schemas/forum';
import { HANDLING_STATE_LABELS } from '../../../common/schemas/handling';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { FormModal } from '../../components/FormModal';
import { PageLoading } from '../../components/PageLoading';
import { HANDLING_COLORS } from '../suggestions/HandlingPanel';
import { ForumFields } from './ForumFields';
import { ForumIssueActions } from './ForumIssueActions';
import { FORUMS_KEY } from './ForumListPage';

export function IssueProgress({ i }: { i: ForumIssueView }) {
  return (
    <>
      {i.resolutionKind && <Tag>{RESOLUTION_KIND_LABELS[i.resolutionKind]}</Tag>}
      {i.handling ? (
        <Tag color={HANDLING_COLORS[i.handling.state]}>
          {i.handling.leadDepartmentName} · {HANDLING_STATE_LABELS[i.handling.state]}
        </Tag>
      ) : (
        <Tag color={i.state === 'open' ? 'processing' : 'success'}>{FORUM_ISSUE_STATE_LABELS[i.state]}</Tag>
      )}
      {i.handling?.overdue && <Tag color="error">已逾期</Tag>}
    </>
  );
}

export const issueColumns = [
  {
    title: '问题',
    dataIndex: 'content',
    render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>,
  },
  { title: '提出人', dataIndex: 'raisedBy', render: (t: string | null) => t ?? '—' },
  { title: '处理', render: (_: unknown, i: ForumIssueView) => <IssueProgress i={i} /> },
  {
    title: '解决情况',
    render: (_: unknown, i: ForumIssueView) => i.resolution ?? (i.handling?.answeredAt ? '部门已答复' : '—'),
  },
];

/** One forum with the problems raised at it and what became of each. */
export default function ForumDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const { data: f, error } = useQuery({
    queryKey: [...FORUMS_KEY, 'detail', id],
    queryFn: () => api.get<{ data: ForumDetailView }>(`/forums/${id}`).then((r) => r.data),
  });
  if (error) return <Card>加载失败：{error.message}</Card>;
  if (!f) return <PageLoading />;
  const refresh = () => qc.invalidateQueries({ queryKey: FORUMS_KEY });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {f.title}
        </Typography.Title>
        <Button onClick={() => setEditing(true)}>修改</Button>
      </Flex>
      <Card size="small">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'kind', label: '类型', children: FORUM_KIND_LABELS[f.kind] },
            { key: 'date', label: '日期', children: f.date },
            { key: 'place', label: '地点', children: f.place ?? '—' },
            { key: 'count', label: '参加人数', children: f.participantCount },
            { key: 'who', label: '参加人员', children: f.participants ?? '—', span: 2 },
            { key: 'solved', label: '问题解决', children: `${f.solvedCount} / ${f.issueCount}` },
            { key: 'notes', label: '备注', children: f.notes ?? '—', span: 2 },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="提出的问题"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            记录问题
          </Button>
        }
      >
        <Table<ForumIssueView>
          rowKey="id"
          dataSource={f.issues}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚未记录问题' }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            ...issueColumns,
            { title: '操作', render: (_, i) => <ForumIssueActions issue={i} /> },
          ]}
        />
      </Card>
      <FormDrawer
        title="修改座谈会"
        open={editing}
        onClose={() => setEditing(false)}
        schema={forumUpdateBody}
        initialValues={f}
        toBody={(v) => ({ ...v, version: f.version })}
        onSubmit={async (body) => {
          await api.put(`/forums/${f.id}`, body);
          message.success('已保存');
          setEditing(false);
          await refresh();
        }}
      >
        <ForumFields />
      </FormDrawer>
      <FormModal
        title="记录座谈会上提出的问题"
        open={adding}
        onClose={() => setAdding(false)}
        schema={forumIssueCreateBody}
        onSubmit={async (body) => {
          await api.post(`/forums/${f.id}/issues`, body);
          message.success('已记录');
          setAdding(false);
          await refresh();
        }}
      >
        <Form.Item name="content" label="问题内容" required>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="raisedBy" label="提出人">
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
