import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Table,
  Timeline,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { yuan } from '../../../../common/schemas/funds';
import {
  HARDSHIP_EVENT_LABELS,
  HARDSHIP_LEVEL_LABELS,
  type HardshipFileView,
  hardshipCloseBody,
  hardshipReviewBody,
  hardshipUpdateBody,
} from '../../../../common/schemas/hardship';
import { useCan } from '../../../access';
import { api } from '../../../api';
import { FileUploadButton } from '../../../components/FileUploadButton';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormModal } from '../../../components/FormModal';
import { StoredFileLink } from '../../../components/StoredFileLink';
import { formatDateTime } from '../../../format';
import { dateStringItem } from '../../../forms';
import { YuanInput } from '../../funds/fundsShared';
import { HardshipFormFields, toHardshipBody } from './HardshipFormFields';
import { HARDSHIP_KEY, HardshipStatusTag, LevelTag, levelOptions, reasonsText } from './hardshipShared';

/** One hardship file: household, documents, history, and the review and close actions. Each open is audited. */
export default function HardshipDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const [dialog, setDialog] = useState<'edit' | 'review' | 'close' | null>(null);
  const { data: f, error } = useQuery({
    queryKey: [...HARDSHIP_KEY, 'file', id],
    queryFn: () => api.get<{ data: HardshipFileView }>(`/care/hardship/${id}`).then((r) => r.data),
    // Every fetch is a look at a family's finances and is audited: no refetch on focus.
    refetchOnWindowFocus: false,
  });
  if (error) return <Card>{error.message}</Card>;
  if (!f) return <Card loading />;
  const active = f.status === 'active';
  const done = async (text: string) => {
    setDialog(null);
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: HARDSHIP_KEY });
  };
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          困难职工档案 · {f.memberName} <LevelTag level={f.level} /> <HardshipStatusTag status={f.status} />
        </Flex>
      }
      extra={
        mayWrite &&
        active && (
          <Flex gap={8}>
            <Button onClick={() => setDialog('edit')}>编辑</Button>
            <Button type="primary" onClick={() => setDialog('review')}>
              年度复核
            </Button>
            <Button danger onClick={() => setDialog('close')}>
              退出档案
            </Button>
          </Flex>
        )
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'member',
            label: '职工',
            children: <Link to={`/members/${f.memberId}`}>{f.memberName}</Link>,
          },
          { key: 'dept', label: '科室', children: f.departmentName },
          { key: 'idno', label: '身份证号', children: f.memberIdNumberMasked },
          { key: 'reasons', label: '致困原因', children: reasonsText(f.reasons) },
          { key: 'income', label: '家庭月人均收入（元）', children: yuan(f.monthlyIncomePerHeadFen) },
          { key: 'registered', label: '建档日期', children: f.registeredOn },
          {
            key: 'review',
            label: active ? '下次复核' : '退出',
            children: active
              ? `${f.nextReviewOn}${f.overdue ? '（逾期）' : f.reviewDue ? '（待复核）' : ''}`
              : `${f.closedOn} ${f.closeReason ?? ''}`,
          },
          ...(f.situation ? [{ key: 'situation', label: '家庭情况', children: f.situation, span: 2 }] : []),
        ]}
      />
      <Card type="inner" title="家庭成员" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={f.household}
          locale={{ emptyText: '未登记家庭成员' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '关系', dataIndex: 'relation' },
            { title: '年龄', dataIndex: 'age' },
            { title: '健康或就业状况', dataIndex: 'situation' },
          ]}
        />
      </Card>
      <Documents
        file={f}
        mayWrite={mayWrite && active}
        onChange={() => queryClient.invalidateQueries({ queryKey: HARDSHIP_KEY })}
      />
      <Card type="inner" title="档案记录" style={{ marginTop: 16 }}>
        <Timeline
          items={f.events.map((e) => ({
            key: e.id,
            color:
              e.kind === 'closed' || e.outcome === 'close'
                ? 'gray'
                : e.kind === 'reviewed'
                  ? 'green'
                  : 'blue',
            content: (
              <>
                <div>
                  {e.on} <b>{HARDSHIP_EVENT_LABELS[e.kind]}</b>
                  {e.outcome && `：${e.outcome === 'continue' ? '继续保留' : '退出档案'}`}
                  {e.levelFrom &&
                    e.levelTo &&
                    e.levelFrom !== e.levelTo &&
                    `（${HARDSHIP_LEVEL_LABELS[e.levelFrom]} → ${HARDSHIP_LEVEL_LABELS[e.levelTo]}）`}
                  <span style={{ color: '#999' }}>
                    {' '}
                    {e.actorName} {formatDateTime(e.createdAt)}
                  </span>
                </div>
                {e.note && <div style={{ color: '#666' }}>{e.note}</div>}
              </>
            ),
          }))}
        />
        {f.otherFiles.length > 0 && (
          <div>
            该职工的其他档案：
            {f.otherFiles.map((o) => (
              <Link key={o.id} to={`/care/hardship/${o.id}`} style={{ marginRight: 8 }}>
                {o.registeredOn} 建档{o.closedOn ? `，${o.closedOn} 退出` : ''}
              </Link>
            ))}
          </div>
        )}
      </Card>
      <FormDrawer
        title="编辑档案"
        open={dialog === 'edit'}
        onClose={() => setDialog(null)}
        schema={hardshipUpdateBody}
        initialValues={{ ...f, monthlyIncomePerHeadFen: f.monthlyIncomePerHeadFen / 100 }}
        toBody={(v) => ({ ...toHardshipBody(v), version: f.version })}
        onSubmit={async (body) => {
          await api.put(`/care/hardship/${f.id}`, body);
          await done('已保存');
        }}
      >
        <HardshipFormFields create={false} />
      </FormDrawer>
      <FormModal
        title="年度复核"
        open={dialog === 'review'}
        onClose={() => setDialog(null)}
        schema={hardshipReviewBody}
        initialValues={{ reviewedOn: dayjs().format('YYYY-MM-DD'), outcome: 'continue', level: f.level }}
        toBody={(v) => ({
          reviewedOn: v.reviewedOn,
          outcome: v.outcome,
          level: v.outcome === 'continue' ? v.level : undefined,
          monthlyIncomePerHeadFen: typeof v.income === 'number' ? Math.round(v.income * 100) : undefined,
          note: v.note || null,
          version: f.version,
        })}
        submitText="保存复核"
        onSubmit={async (body) => {
          await api.post(`/care/hardship/${f.id}/reviews`, body);
          await done('复核已记录');
        }}
      >
        <Form.Item name="reviewedOn" label="复核日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="outcome" label="复核结论" required>
          <Radio.Group
            options={[
              { value: 'continue', label: '继续保留' },
              { value: 'close', label: '退出档案' },
            ]}
          />
        </Form.Item>
        <Form.Item name="level" label="困难等级（继续保留时）">
          <Select options={levelOptions} />
        </Form.Item>
        <Form.Item name="income" label="新的家庭月人均收入（不变可不填）">
          <YuanInput />
        </Form.Item>
        <Form.Item name="note" label="复核意见（退出时必填）">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="退出档案"
        open={dialog === 'close'}
        onClose={() => setDialog(null)}
        schema={hardshipCloseBody}
        initialValues={{ closedOn: dayjs().format('YYYY-MM-DD') }}
        toBody={(v) => ({ closedOn: v.closedOn, reason: v.reason ?? '', version: f.version })}
        submitText="确认退出"
        onSubmit={async (body) => {
          await api.post(`/care/hardship/${f.id}/close`, body);
          await done('档案已退出');
        }}
      >
        <Form.Item name="closedOn" label="退出日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="退出原因" required>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** Supporting documents: PDF, JPG or PNG, kept encrypted; each download is audited. */
function Documents({
  file: f,
  mayWrite,
  onChange,
}: {
  file: HardshipFileView;
  mayWrite: boolean;
  onChange: () => void;
}) {
  return (
    <Card
      type="inner"
      title="证明材料（PDF、JPG、PNG，每个不超过5MB）"
      style={{ marginTop: 16 }}
      extra={
        mayWrite && (
          <FileUploadButton url={`/care/hardship/${f.id}/documents`} onUploaded={onChange}>
            上传证明材料
          </FileUploadButton>
        )
      }
    >
      {f.documents.length === 0 ? (
        <span style={{ color: '#999' }}>暂无证明材料</span>
      ) : (
        <Flex vertical gap={4}>
          {f.documents.map((d) => (
            <StoredFileLink
              key={d.id}
              url={`/care/hardship/${f.id}/documents/${d.id}`}
              fileName={d.fileName}
              sizeBytes={d.sizeBytes}
              deleteTitle="确定删除该证明材料？"
              onDeleted={mayWrite ? onChange : undefined}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}
