import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Statistic, Tabs } from 'antd';
import { useParams } from 'react-router';
import { type CheckupProgrammeView, checkupProgrammeUpdateBody } from '../../../../common/schemas/checkup';
import { yuan } from '../../../../common/schemas/funds';
import { useCan } from '../../../access';
import { api } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { useDialog } from '../../../components/useDialog';
import { formatDateTime, formatRate } from '../../../format';
import { BatchesPanel } from './BatchesPanel';
import { CheckupFormFields, initialValues, toBody } from './CheckupFormFields';
import { CHECKUPS_KEY, CheckupStatusTag, rulesText } from './checkupShared';
import { ParticipantsPanel } from './ParticipantsPanel';
import { PreviewPanel } from './PreviewPanel';

/** One programme: its rules, the eligible list (previewed as a draft, frozen once published), batches and attendance. */
export default function CheckupDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const seesFollowUp = useCan('care:read');
  const mayUnmask = useCan('member:readSensitive');
  const editing = useDialog(null);
  const { data: p, error } = useQuery({
    queryKey: [...CHECKUPS_KEY, 'programme', id],
    queryFn: () => api.get<{ data: CheckupProgrammeView }>(`/care/checkups/${id}`).then((r) => r.data),
  });
  if (error) return <Card>{error.message}</Card>;
  if (!p) return <Card loading />;

  const refresh = () => queryClient.invalidateQueries({ queryKey: CHECKUPS_KEY });
  const step = (action: 'publish' | 'close', text: string) => async () => {
    try {
      await api.post(`/care/checkups/${p.id}/${action}`);
      message.success(text);
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const c = p.counts;
  const draft = p.status === 'draft';

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            {p.name}
            <CheckupStatusTag status={p.status} />
          </Flex>
        }
        extra={
          mayWrite && (
            <Flex gap={8} wrap>
              {draft && <Button onClick={() => editing.show(null)}>修改条件</Button>}
              {draft && (
                <Popconfirm
                  title="发布后名单即固定，条件不能再修改。确定发布？"
                  onConfirm={step('publish', '已发布，名单已固定')}
                >
                  <Button type="primary">发布名单</Button>
                </Popconfirm>
              )}
              {!draft && (
                <Button icon={<DownloadOutlined />} href={`/api/care/checkups/${p.id}/export`} download>
                  导出名单
                </Button>
              )}
              {!draft && mayUnmask && (
                <Button
                  icon={<DownloadOutlined />}
                  href={`/api/care/checkups/${p.id}/export?full=true`}
                  download
                  title="含完整身份证号，供体检机构使用；导出将记入审计日志"
                >
                  导出名单（完整身份证号）
                </Button>
              )}
              {p.status === 'published' && (
                <Popconfirm
                  title="结束后不能再登记到检情况。确定结束？"
                  onConfirm={step('close', '体检项目已结束')}
                >
                  <Button>结束体检</Button>
                </Popconfirm>
              )}
            </Flex>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { label: '年度', children: p.year },
            { label: '体检机构', children: p.provider ?? '—' },
            {
              label: '人均预算',
              children: p.budgetPerPersonFen === null ? '—' : `${yuan(p.budgetPerPersonFen)}元`,
            },
            { label: '发布时间', children: formatDateTime(p.publishedAt) },
            { label: '参检条件', children: rulesText(p), span: 2 },
            {
              label: '女职工加项',
              children: p.womenExtraItems.length ? p.womenExtraItems.join('、') : '无',
              span: 2,
            },
            ...(p.note ? [{ label: '备注', children: p.note, span: 2 }] : []),
          ]}
        />
        {!draft && (
          <Flex gap={32} wrap style={{ marginTop: 16 }}>
            <Statistic title="应检人数" value={c.eligible} />
            <Statistic title="已安排批次" value={c.assigned} />
            <Statistic title="已体检" value={c.attended} />
            <Statistic title="未参检" value={c.absent} />
            <Statistic title="改期" value={c.rescheduled} />
            <Statistic title="体检覆盖率" value={formatRate(c.coverage)} />
            {seesFollowUp && <Statistic title="需复查" value={c.followUps} />}
          </Flex>
        )}
      </Card>
      <Card size="small">
        <Tabs
          items={[
            ...(mayWrite
              ? [
                  draft
                    ? { key: 'list', label: '名单预览', children: <PreviewPanel programmeId={p.id} /> }
                    : { key: 'list', label: '体检名单', children: <ParticipantsPanel programme={p} /> },
                ]
              : []),
            { key: 'batches', label: '体检批次', children: <BatchesPanel programme={p} /> },
          ]}
        />
      </Card>
      <FormDrawer
        title="修改体检条件"
        open={editing.open}
        onClose={editing.close}
        schema={checkupProgrammeUpdateBody}
        initialValues={initialValues(p)}
        toBody={(v) => ({ ...toBody(v), version: p.version })}
        onSubmit={async (body) => {
          await api.put(`/care/checkups/${p.id}`, body);
          message.success('已保存');
          editing.close();
          await refresh();
        }}
      >
        <CheckupFormFields />
      </FormDrawer>
    </Flex>
  );
}
