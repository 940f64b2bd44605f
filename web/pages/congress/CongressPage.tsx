import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  MEETING_STATUS_LABELS,
  type MeetingStatus,
  meetingCreateBody,
  termBody,
} from '../../../common/schemas/congress';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { ListPage } from '../../components/ListPage';
import { dateStringItem } from '../../forms';
import { useCongressMutation, useMeetings, useTerms } from './congressQueries';

const STATUS_COLORS: Record<MeetingStatus, string> = {
  planned: 'default',
  inProgress: 'processing',
  closed: 'success',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{MEETING_STATUS_LABELS[status]}</Tag>;
}

/** Terms (届) with their delegates, and the meetings (次) of every term. */
export default function CongressPage() {
  const { message } = App.useApp();
  const manage = useCan('congress:manage');
  const terms = useTerms();
  const meetings = useMeetings();
  const [drawer, setDrawer] = useState<'term' | 'meeting' | null>(null);
  const save = useCongressMutation((v: { url: string; body: unknown }) => api.post(v.url, v.body));

  async function submit(url: string, body: unknown, done: string) {
    await save.mutateAsync({ url, body });
    message.success(done);
    setDrawer(null);
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ListPage
        title="职工代表大会"
        actions={
          manage && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setDrawer('term')}>
                新增届
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer('meeting')}>
                新增会议
              </Button>
            </>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={meetings.isLoading}
          dataSource={meetings.data ?? []}
          pagination={false}
          columns={[
            {
              title: '会议',
              dataIndex: 'title',
              render: (t: string, m) => <Link to={`/congress/meetings/${m.id}`}>{t}</Link>,
            },
            { title: '日期', dataIndex: 'date', width: 120 },
            { title: '地点', dataIndex: 'place' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: MeetingStatus) => <MeetingStatusTag status={s} />,
            },
          ]}
        />
      </ListPage>
      <ListPage title="届次与代表">
        <Table
          rowKey="id"
          size="small"
          loading={terms.isLoading}
          dataSource={terms.data ?? []}
          pagination={false}
          columns={[
            {
              title: '届',
              dataIndex: 'name',
              render: (n: string, t) => <Link to={`/congress/terms/${t.id}`}>{n}</Link>,
            },
            { title: '起始日期', dataIndex: 'startDate', width: 120 },
            { title: '结束日期', dataIndex: 'endDate', width: 120 },
            { title: '代表人数', dataIndex: 'delegateCount', width: 100 },
            { title: '其中正式代表', dataIndex: 'fullDelegateCount', width: 120 },
          ]}
        />
      </ListPage>

      <FormDrawer
        title="新增届"
        open={drawer === 'term'}
        onClose={() => setDrawer(null)}
        schema={termBody}
        onSubmit={(body) => submit('/congress/terms', body, '届已新增')}
      >
        <Form.Item name="number" label="届次（第几届）" required>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="startDate" label="开始日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label="结束日期" {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormDrawer>

      <FormDrawer
        title="新增会议"
        open={drawer === 'meeting'}
        onClose={() => setDrawer(null)}
        schema={meetingCreateBody}
        initialValues={{ termId: terms.data?.[0]?.id, quorumNumerator: 2, quorumDenominator: 3 }}
        onSubmit={(body) => submit('/congress/meetings', body, '会议已新增')}
      >
        <Form.Item name="termId" label="届" required>
          <Select options={(terms.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        <Form.Item name="number" label="第几次会议" required>
          <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="会议名称" extra="不填则为“第X届第X次职工代表大会”">
          <Input />
        </Form.Item>
        <Form.Item name="date" label="会议日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="会议地点">
          <Input />
        </Form.Item>
        <Form.Item name="agenda" label="会议议程">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item label="法定人数（正式代表到会比例不低于）">
          <Space>
            <Form.Item name="quorumNumerator" noStyle>
              <InputNumber min={1} max={99} precision={0} />
            </Form.Item>
            /
            <Form.Item name="quorumDenominator" noStyle>
              <InputNumber min={1} max={99} precision={0} />
            </Form.Item>
          </Space>
        </Form.Item>
      </FormDrawer>
    </Space>
  );
}
