import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SATISFACTION_LABELS, SATISFACTIONS } from '../../../common/schemas/handling';
import {
  PROPOSAL_ACTION_LABELS,
  PROPOSAL_STATE_LABELS,
  type ProposalAction,
  type ProposalState,
  proposalRateBody,
  reviewBody,
} from '../../../common/schemas/proposal';
import { ApiError, api, uploadFile } from '../../api';
import { FormModal } from '../../components/FormModal';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../format';
import { labelOptions } from '../../options';
import { AssignModal } from './AssignModal';
import { HandlingPanel } from './HandlingPanel';
import { ProposalFormDrawer } from './ProposalFormDrawer';
import { ProposalStateTag } from './ProposalTags';
import { useProposal, useProposalHistory, useRefreshProposals, useSimilar, useStep } from './proposalQueries';

const COSIGN_LABELS = { invited: '待确认', confirmed: '已附议', declined: '已拒绝' } as const;

/** One proposal: what it asks, who co-signed, the committee's decision, the handling and the timeline. */
export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { data: p, error } = useProposal(id);
  const history = useProposalHistory(id);
  const refresh = useRefreshProposals();
  const [dialog, setDialog] = useState<'edit' | 'review' | 'assign' | 'rate' | null>(null);
  const similar = useSimilar(id, !!p?.abilities.review);
  const close = () => setDialog(null);

  const submit = useStep(
    () => api.post(`/proposals/${id}/submit`, { version: p?.version }),
    '已提交，等待附议',
  );
  const recall = useStep(() => api.post(`/proposals/${id}/recall`, { version: p?.version }), '已撤回');
  const cosign = useStep(
    (confirm: boolean) => api.post(`/proposals/${id}/cosign`, { confirm }),
    '已答复附议请求',
  );
  const closeTopic = useStep(
    () => api.post(`/proposal-topics/${p?.topicId}/close`, { version: p?.handling?.version }),
    '已办结',
  );

  if (error) return <Alert type="error" message={error instanceof ApiError ? error.message : '加载失败'} />;
  if (!p) return <PageLoading />;
  const a = p.abilities;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {p.number && <Tag>{p.number}</Tag>}
          {p.title} <ProposalStateTag state={p.state} overdue={p.overdue} />
        </Typography.Title>
        <Space wrap>
          {a.edit && <Button onClick={() => setDialog('edit')}>修改</Button>}
          {a.submit && (
            <Popconfirm title="提交后将请附议人确认，确定提交？" onConfirm={() => submit.mutate(undefined)}>
              <Button type="primary">提交</Button>
            </Popconfirm>
          )}
          {a.recall && <Button onClick={() => recall.mutate(undefined)}>撤回修改</Button>}
          {a.cosign && (
            <>
              <Button type="primary" onClick={() => cosign.mutate(true)}>
                确认附议
              </Button>
              <Button onClick={() => cosign.mutate(false)}>不附议</Button>
            </>
          )}
          {a.review && (
            <Button type="primary" onClick={() => setDialog('review')}>
              审查
            </Button>
          )}
          {a.assign && (
            <Button type="primary" onClick={() => setDialog('assign')}>
              {p.handling ? '调整交办' : '交办'}
            </Button>
          )}
          {a.rate && (
            <Button type="primary" onClick={() => setDialog('rate')}>
              评价
            </Button>
          )}
          {a.close && p.topicId && <Button onClick={() => closeTopic.mutate(undefined)}>办结</Button>}
        </Space>
      </Flex>

      {p.topicId && p.topicTitle !== p.title && (
        <Alert
          type="info"
          message={
            <>
              已并入办理事项 <Link to={`/proposals/topics/${p.topicId}`}>{p.topicTitle}</Link>
              ，与其他提案一并办理
            </>
          }
        />
      )}

      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="会议">{p.meetingTitle}</Descriptions.Item>
          <Descriptions.Item label="类别">{p.category}</Descriptions.Item>
          <Descriptions.Item label="提案人">{p.proposerName}</Descriptions.Item>
          <Descriptions.Item label="附议人">
            <span data-testid="cosigners">
              {p.cosigners.map((c) => `${c.name}（${COSIGN_LABELS[c.state]}）`).join('、') || '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="提案理由" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.reasons}</span>
          </Descriptions.Item>
          <Descriptions.Item label="建议措施" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.measures}</span>
          </Descriptions.Item>
          {p.reviewNote && (
            <Descriptions.Item label="审查意见" span={2}>
              {p.reviewNote}
              {p.convertedToSuggestion && <Tag style={{ marginLeft: 8 }}>转为合理化建议</Tag>}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="附件" span={2}>
            <Space direction="vertical">
              {p.attachments.map((f) => (
                <a key={f.id} href={`/api/proposals/${p.id}/attachments/${f.id}`} download>
                  {f.fileName}
                </a>
              ))}
              {a.edit && (
                <Upload
                  showUploadList={false}
                  customRequest={({ file }) =>
                    uploadFile(`/proposals/${p.id}/attachments`, file as File, () => {})
                      .then(refresh)
                      .catch((e) => message.error(e instanceof ApiError ? e.message : '上传失败'))
                  }
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    上传附件
                  </Button>
                </Upload>
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {(p.handling || p.state === 'accepted') && <HandlingPanel item={p.handling} />}

      <Card size="small" title="提案过程">
        <Timeline
          items={(history.data ?? []).map((e) => ({
            children: (
              <span data-testid="history-item">
                {formatDateTime(e.createdAt)} {e.actorName}{' '}
                {PROPOSAL_ACTION_LABELS[e.action as ProposalAction] ?? e.action} →{' '}
                {PROPOSAL_STATE_LABELS[e.toState as ProposalState] ?? e.toState}
                {e.note ? `：${e.note}` : ''}
              </span>
            ),
          }))}
        />
      </Card>

      <ProposalFormDrawer open={dialog === 'edit'} onClose={close} proposal={p} />
      <FormModal
        title="提案审查"
        open={dialog === 'review'}
        onClose={close}
        schema={reviewBody}
        initialValues={{ decision: 'accept', convertToSuggestion: false }}
        toBody={(v) => ({ ...v, version: p.version })}
        submitText="提交审查结论"
        intro={
          <Card size="small" title="相似的既往提案" style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={similar.data ?? []}
              locale={{ emptyText: '没有相似的提案' }}
              renderItem={(s) => (
                <List.Item>
                  <Link to={`/proposals/${s.id}`} target="_blank">
                    {s.number} {s.title}
                  </Link>
                  <span>
                    {s.meetingTitle} · {PROPOSAL_STATE_LABELS[s.state]} · 相似度 {Math.round(s.score * 100)}%
                  </span>
                </List.Item>
              )}
            />
          </Card>
        }
        onSubmit={async (body) => {
          await api.post(`/proposals/${id}/review`, body);
          await refresh();
          close();
        }}
      >
        <Form.Item name="decision" label="审查结论" required>
          <Radio.Group
            options={[
              { value: 'accept', label: '立案' },
              { value: 'notAccept', label: '不予立案' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="审查意见（不予立案时必填）">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="convertToSuggestion" valuePropName="checked">
          <Checkbox>不予立案的，转为合理化建议办理</Checkbox>
        </Form.Item>
      </FormModal>
      <AssignModal
        open={dialog === 'assign'}
        onClose={close}
        url={`/proposals/${id}/assign`}
        current={
          p.handling && {
            leadDepartmentId: p.handling.leadDepartmentId,
            coDepartmentIds: p.handling.coDepartmentIds,
            dueDate: p.handling.dueDate,
            version: p.handling.version,
          }
        }
      />
      <FormModal
        title="评价办理结果"
        open={dialog === 'rate'}
        onClose={close}
        schema={proposalRateBody}
        toBody={(v) => ({ ...v, reason: v.reason || undefined, version: p.handling?.version })}
        submitText="提交评价"
        onSubmit={async (body) => {
          await api.post(`/proposals/${id}/rate`, body);
          await refresh();
          close();
        }}
      >
        <Form.Item name="satisfaction" label="满意度" required>
          <Radio.Group options={labelOptions(SATISFACTION_LABELS, SATISFACTIONS)} />
        </Form.Item>
        <Form.Item name="reason" label="评价意见（不满意时必填）">
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
