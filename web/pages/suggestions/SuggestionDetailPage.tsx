import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { rateBody } from '../../../common/schemas/handling';
import {
  type SuggestionDetailView,
  suggestionAssignBody,
  suggestionDecideBody,
  suggestionRewardBody,
} from '../../../common/schemas/suggestion';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { PageLoading } from '../../components/PageLoading';
import { useDialog } from '../../components/useDialog';
import { formatDateTime } from '../../format';
import { AssignFields, RateFields } from './HandlingForms';
import { HandlingPanel } from './HandlingPanel';
import { SuggestionStateTags } from './SuggestionListPage';
import { SUGGESTIONS_KEY, yuan } from './suggestionQueries';

type Dialog = 'adopt' | 'decline' | 'assign' | 'rate' | 'reward';

/** One suggestion: what was proposed, the committee's decision, and its handling to the end. */
export default function SuggestionDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const dialog = useDialog<Dialog>('adopt');
  const { data: s, error } = useQuery({
    queryKey: [...SUGGESTIONS_KEY, 'detail', id],
    queryFn: () => api.get<{ data: SuggestionDetailView }>(`/suggestions/${id}`).then((r) => r.data),
  });
  if (error) return <Card>加载失败：{error.message}</Card>;
  if (!s) return <PageLoading />;

  async function post(path: string, body: unknown, done: string) {
    await api.post(`/suggestions/${s!.id}/${path}`, body);
    message.success(done);
    dialog.close();
    await qc.invalidateQueries({ queryKey: SUGGESTIONS_KEY });
  }
  const a = s.abilities;
  const hv = s.handling?.version;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title} <SuggestionStateTags s={s} />
        </Typography.Title>
        <Flex gap={8} wrap>
          {a.decide && (
            <>
              <Button type="primary" onClick={() => dialog.show('adopt')}>
                采纳
              </Button>
              <Button onClick={() => dialog.show('decline')}>不予采纳</Button>
            </>
          )}
          {a.assign && (
            <Button type="primary" onClick={() => dialog.show('assign')}>
              {s.handling ? '调整交办' : '交办'}
            </Button>
          )}
          {a.rate && (
            <Button type="primary" onClick={() => dialog.show('rate')}>
              评价
            </Button>
          )}
          {a.close && (
            <Popconfirm title="确定办结？" onConfirm={() => post('close', { version: hv }, '已办结')}>
              <Button>办结</Button>
            </Popconfirm>
          )}
          {a.reward && <Button onClick={() => dialog.show('reward')}>登记奖励</Button>}
        </Flex>
      </Flex>
      <Card size="small">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'member', label: '建议人', children: `${s.memberName}（${s.departmentName}）` },
            { key: 'on', label: '提交日期', children: s.submittedOn },
            { key: 'from', label: '来源', children: s.proposalId ? '提案转意见建议' : '会员提交' },
            ...(s.decidedAt
              ? [
                  {
                    key: 'decided',
                    label: '处理时间',
                    children: `${formatDateTime(s.decidedAt)} ${s.decidedBy ?? ''}`,
                  },
                  { key: 'reason', label: '处理意见', children: s.decisionReason ?? '—', span: 2 },
                ]
              : []),
            ...(s.rewardNote || s.rewardFen !== null
              ? [
                  {
                    key: 'reward',
                    label: '奖励',
                    children: [s.rewardNote, s.rewardFen !== null ? `${yuan(s.rewardFen)} 元` : null]
                      .filter(Boolean)
                      .join('，'),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>
          {s.content}
        </Typography.Paragraph>
      </Card>
      {s.state === 'adopted' && <HandlingPanel h={s.handlingDetail} />}

      <FormModal
        title={dialog.subject === 'adopt' ? '采纳建议' : '不予采纳'}
        open={dialog.open && (dialog.subject === 'adopt' || dialog.subject === 'decline')}
        onClose={dialog.close}
        schema={suggestionDecideBody}
        toBody={(v) => ({ ...v, version: s.version })}
        onSubmit={(body) => post(dialog.subject, body, '已处理')}
      >
        <Form.Item name="reason" label={dialog.subject === 'decline' ? '原因' : '处理意见（可选）'}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="交办建议"
        open={dialog.open && dialog.subject === 'assign'}
        onClose={dialog.close}
        schema={suggestionAssignBody}
        initialValues={
          s.handling
            ? {
                leadDepartmentId: s.handling.leadDepartmentId,
                coDepartmentIds: s.handling.coDepartmentIds,
                dueDate: s.handling.dueDate,
              }
            : { coDepartmentIds: [] }
        }
        toBody={(v) => ({ ...v, coDepartmentIds: v.coDepartmentIds ?? [], version: hv })}
        onSubmit={(body) => post('assign', body, '已交办')}
      >
        <AssignFields />
      </FormModal>
      <FormModal
        title="评价办理结果"
        open={dialog.open && dialog.subject === 'rate'}
        onClose={dialog.close}
        schema={rateBody}
        toBody={(v) => ({ ...v, reason: v.reason || undefined, version: hv })}
        onSubmit={(body) => post('rate', body, '评价已提交')}
      >
        <RateFields />
      </FormModal>
      <FormModal
        title="登记奖励"
        open={dialog.open && dialog.subject === 'reward'}
        onClose={dialog.close}
        schema={suggestionRewardBody}
        initialValues={{
          rewardNote: s.rewardNote,
          rewardYuan: s.rewardFen === null ? null : s.rewardFen / 100,
        }}
        toBody={(v) => ({
          rewardNote: v.rewardNote || undefined,
          rewardFen: typeof v.rewardYuan === 'number' ? Math.round(v.rewardYuan * 100) : null,
          version: s.version,
        })}
        onSubmit={async (body) => {
          await api.put(`/suggestions/${s.id}/reward`, body);
          message.success('已登记');
          dialog.close();
          await qc.invalidateQueries({ queryKey: SUGGESTIONS_KEY });
        }}
      >
        <Form.Item name="rewardNote" label="奖励说明">
          <Input maxLength={500} placeholder="如：合理化建议三等奖" />
        </Form.Item>
        <Form.Item name="rewardYuan" label="奖励金额（元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
