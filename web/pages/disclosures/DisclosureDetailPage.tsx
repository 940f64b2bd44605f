import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  DISCLOSURE_ATTACHMENT_TYPES,
  DISCLOSURE_STATE_LABELS,
  type DisclosureView,
  disclosureStepBody,
} from '../../../common/schemas/disclosure';
import { api, uploadFile } from '../../api';
import { FormModal } from '../../components/FormModal';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../format';
import { DisclosureFormDrawer } from './DisclosureFormDrawer';
import { STATE_COLORS } from './DisclosureListPage';
import { DISCLOSURES_KEY } from './disclosureQueries';

const ACCEPT = Object.keys(DISCLOSURE_ATTACHMENT_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/** One disclosure: what was made public, where and when, with its files; the office's actions. */
export default function DisclosureDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const key = [...DISCLOSURES_KEY, 'detail', id];
  const { data: d, error } = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ data: DisclosureView }>(`/disclosures/${id}`).then((r) => r.data),
  });
  if (error) return <Card>加载失败：{error.message}</Card>;
  if (!d) return <PageLoading />;

  const refresh = () => qc.invalidateQueries({ queryKey: DISCLOSURES_KEY });
  async function publish() {
    try {
      await api.post(`/disclosures/${d!.id}/publish`, { version: d!.version });
      message.success('已公开');
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  }
  async function removeAttachment(attachmentId: string) {
    try {
      await api.del(`/disclosures/${d!.id}/attachments/${attachmentId}`);
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {d.title} <Tag color={STATE_COLORS[d.state]}>{DISCLOSURE_STATE_LABELS[d.state]}</Tag>
        </Typography.Title>
        <Flex gap={8}>
          {d.abilities.edit && <Button onClick={() => setEditing(true)}>修改</Button>}
          {d.abilities.actions.includes('publish') && (
            <Popconfirm title="公开后内容不能再修改，确定公开？" onConfirm={publish}>
              <Button type="primary">公开</Button>
            </Popconfirm>
          )}
          {d.abilities.actions.includes('withdraw') && (
            <Button danger onClick={() => setWithdrawing(true)}>
              撤回
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'category', label: '公开类别', children: d.categoryLabel },
            { key: 'channel', label: '公开渠道', children: d.channelLabel },
            { key: 'date', label: '公开日期', children: d.date },
            ...(d.withdrawnAt
              ? [
                  { key: 'withdrawnAt', label: '撤回时间', children: formatDateTime(d.withdrawnAt) },
                  { key: 'reason', label: '撤回原因', children: d.withdrawReason, span: 2 },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}
          data-testid="disclosure-content"
        >
          {d.content || '（无正文）'}
        </Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title="附件"
        extra={
          d.abilities.edit && (
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError, onProgress }) => {
                try {
                  const res = await uploadFile(`/disclosures/${d.id}/attachments`, file as File, (percent) =>
                    onProgress?.({ percent }),
                  );
                  onSuccess?.(res);
                  message.success('已上传');
                  await refresh();
                } catch (err) {
                  message.error((err as Error).message);
                  onError?.(err as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />}>上传附件（5 MB 以内）</Button>
            </Upload>
          )
        }
      >
        {d.attachments.length === 0 && <Typography.Text type="secondary">无附件</Typography.Text>}
        {d.attachments.map((a) => (
          <Flex key={a.id} gap={8} align="center">
            <PaperClipOutlined />
            <a href={`/api/disclosures/${d.id}/attachments/${a.id}`} download={a.fileName}>
              {a.fileName}
            </a>
            <Typography.Text type="secondary">{Math.ceil(a.size / 1024)} KB</Typography.Text>
            {d.abilities.edit && (
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={`删除附件 ${a.fileName}`}
                onClick={() => removeAttachment(a.id)}
              />
            )}
          </Flex>
        ))}
      </Card>
      <DisclosureFormDrawer open={editing} onClose={() => setEditing(false)} editing={d} />
      <FormModal
        title="撤回公开事项"
        open={withdrawing}
        onClose={() => setWithdrawing(false)}
        schema={disclosureStepBody}
        toBody={(v) => ({ ...v, version: d.version })}
        onSubmit={async (body) => {
          await api.post(`/disclosures/${d.id}/withdraw`, body);
          message.success('已撤回');
          setWithdrawing(false);
          await refresh();
        }}
      >
        <Form.Item name="reason" label="撤回原因" required>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
