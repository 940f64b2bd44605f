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
  Popconfirm,
  Switch,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type DonationDriveDetail,
  type DonationView,
  donationCreateBody,
  donationDriveCancelBody,
  donationHandoverBody,
  donationRemoveBody,
} from '../../../../common/schemas/donation';
import { yuan } from '../../../../common/schemas/funds';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { FormModal } from '../../../components/FormModal';
import { dateStringItem } from '../../../forms';
import { YuanInput } from '../../funds/fundsShared';
import { MemberSelect } from '../hardship/MemberSelect';
import { DONATIONS_KEY, DriveStatusTag, RaisedProgress } from './donationsShared';

type Dialog = 'donate' | 'cancel' | 'handover' | { remove: DonationView } | null;

/** One drive: totals by department, every donation, and the officer's and chair's steps. */
export default function DonationDriveDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const mayApprove = useCan('care:approve');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [page, setPage] = useState(1);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const { data: d, error } = useQuery({
    queryKey: [...DONATIONS_KEY, 'drive', id],
    queryFn: () => api.get<{ data: DonationDriveDetail }>(`/care/donations/drives/${id}`).then((r) => r.data),
    // Showing the reason is audited: no refetch on focus.
    refetchOnWindowFocus: false,
  });
  const query = queryString({ page, pageSize: 20, departmentId, includeRemoved: 'true' });
  const list = useQuery({
    queryKey: [...DONATIONS_KEY, 'donations', id, query],
    queryFn: () => api.get<Paged<DonationView>>(`/care/donations/drives/${id}/donations${query}`),
  });
  if (error) return <Card>{error.message}</Card>;
  if (!d) return <Card loading />;
  const open = d.status === 'open';
  const done = async (text: string) => {
    setDialog(null);
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: DONATIONS_KEY });
  };
  const step = (action: 'close' | 'reopen', text: string) => async () => {
    try {
      await api.post(`/care/donations/drives/${d.id}/${action}`);
      await done(text);
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          爱心捐款 · {d.title} <DriveStatusTag status={d.status} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Link to={`/care/donations/public/${d.id}`}>公示</Link>
          {mayWrite && open && (
            <>
              <Button onClick={() => setDialog('donate')}>登记捐款</Button>
              <Button onClick={() => navigate(`/care/donations/${d.id}/import`)}>导入科室名单</Button>
              <Popconfirm title="截止后不能再登记捐款，确定截止？" onConfirm={step('close', '已截止')}>
                <Button>截止</Button>
              </Popconfirm>
            </>
          )}
          {mayWrite && d.status === 'closed' && (
            <Button onClick={step('reopen', '已重新开放')}>重新开放</Button>
          )}
          {mayApprove && d.status === 'closed' && (
            <Button type="primary" onClick={() => setDialog('handover')}>
              交付
            </Button>
          )}
          {mayWrite && (open || d.status === 'closed') && (
            <Button danger onClick={() => setDialog('cancel')}>
              取消活动
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'beneficiary',
            label: '受助对象',
            children: d.beneficiaryMemberId ? (
              <Link to={`/members/${d.beneficiaryMemberId}`}>{d.beneficiaryName}</Link>
            ) : (
              d.beneficiaryName
            ),
          },
          { key: 'dates', label: '时间', children: `${d.startDate} 至 ${d.endDate ?? '—'}` },
          ...(d.reason !== null ? [{ key: 'reason', label: '捐款事由', children: d.reason }] : []),
          { key: 'raised', label: `已募集（${d.count}笔）`, children: <RaisedProgress {...d} /> },
          ...(d.status === 'handedOver'
            ? [
                {
                  key: 'handover',
                  label: '交付',
                  children: `${d.handoverDate} 交付 ${d.handoverPayee} ${yuan(d.handoverFen ?? 0)} 元（${d.handedOverByName}）${d.handoverNote ?? ''}`,
                },
              ]
            : []),
          ...(d.cancelReason ? [{ key: 'cancel', label: '取消原因', children: d.cancelReason }] : []),
        ]}
      />
      <Card type="inner" title="按科室汇总" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(r) => r.departmentId ?? 'none'}
          pagination={false}
          dataSource={d.byDepartment}
          locale={{ emptyText: '尚无捐款' }}
          data-testid="donation-by-department"
          columns={[
            { title: '科室', dataIndex: 'departmentName' },
            { title: '笔数', dataIndex: 'count' },
            { title: '金额（元）', dataIndex: 'totalFen', render: (f: number) => yuan(f) },
          ]}
        />
      </Card>
      <Card
        type="inner"
        title="捐款明细"
        style={{ marginTop: 16 }}
        extra={
          <DepartmentTreeSelect
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              setPage(1);
            }}
            style={{ width: 200 }}
          />
        }
      >
        <Table<DonationView>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.data}
          pagination={{ current: page, pageSize: 20, total: list.data?.page.total, onChange: setPage }}
          scroll={{ x: 'max-content' }}
          data-testid="donations-table"
          columns={[
            {
              title: '捐款人',
              dataIndex: 'donorName',
              render: (n: string, r) => (
                <span style={r.removedAt ? { textDecoration: 'line-through' } : undefined}>
                  {n} {!r.memberId && <Tag>非会员</Tag>}
                </span>
              ),
            },
            { title: '科室', dataIndex: 'departmentName', render: (n: string | null) => n ?? '—' },
            { title: '金额（元）', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
            { title: '日期', dataIndex: 'date' },
            { title: '公示姓名', dataIndex: 'nameConsent', render: (c: boolean) => (c ? '同意' : '不公示') },
            { title: '来源', dataIndex: 'imported', render: (i: boolean) => (i ? '科室名单' : '逐笔登记') },
            {
              title: '',
              key: 'actions',
              render: (_, r) =>
                r.removedAt ? (
                  <span style={{ color: '#999' }}>已删除：{r.removedReason}</span>
                ) : (
                  mayWrite &&
                  open && (
                    <Button size="small" type="link" danger onClick={() => setDialog({ remove: r })}>
                      删除
                    </Button>
                  )
                ),
            },
          ]}
        />
      </Card>
      <FormModal
        title="登记捐款"
        open={dialog === 'donate'}
        onClose={() => setDialog(null)}
        schema={donationCreateBody}
        initialValues={{ date: dayjs().format('YYYY-MM-DD'), nameConsent: false }}
        toBody={(v) => ({
          memberId: v.memberId || null,
          donorName: v.donorName || null,
          departmentId: v.departmentId || null,
          amountFen: typeof v.amount === 'number' ? Math.round(v.amount * 100) : undefined,
          date: v.date,
          nameConsent: !!v.nameConsent,
        })}
        onSubmit={async (body) => {
          await api.post(`/care/donations/drives/${d.id}/donations`, body);
          await done('捐款已登记');
        }}
      >
        <Form.Item name="memberId" label="捐款会员" extra="非会员留空，填写姓名">
          <MemberSelect />
        </Form.Item>
        <Form.Item name="donorName" label="捐款人（非会员）">
          <Input />
        </Form.Item>
        <Form.Item name="departmentId" label="科室" extra="会员默认为其所在科室">
          <DepartmentTreeSelect />
        </Form.Item>
        <Form.Item name="amount" label="金额" required>
          <YuanInput />
        </Form.Item>
        <Form.Item name="date" label="捐款日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="nameConsent" label="同意在公示中显示姓名和金额" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
      <FormModal
        title="删除捐款"
        open={typeof dialog === 'object' && dialog !== null}
        onClose={() => setDialog(null)}
        intro={
          typeof dialog === 'object' &&
          dialog && (
            <p>{`${dialog.remove.donorName} ${yuan(dialog.remove.amountFen)} 元：删除后不计入合计，记录保留。`}</p>
          )
        }
        schema={donationRemoveBody}
        submitText="删除"
        onSubmit={async (body) => {
          if (typeof dialog !== 'object' || !dialog) return;
          await api.post(`/care/donations/drives/${d.id}/donations/${dialog.remove.id}/remove`, body);
          await done('已删除');
        }}
      >
        <Form.Item name="reason" label="删除原因" required>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal
        title="取消捐款活动"
        open={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        intro={<p>已收的捐款须退还捐款人。</p>}
        schema={donationDriveCancelBody}
        submitText="取消活动"
        onSubmit={async (body) => {
          await api.post(`/care/donations/drives/${d.id}/cancel`, body);
          await done('活动已取消');
        }}
      >
        <Form.Item name="reason" label="取消原因" required>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal
        title="交付捐款"
        open={dialog === 'handover'}
        onClose={() => setDialog(null)}
        intro={
          <p>
            将募集的 {yuan(d.totalFen)} 元（{d.count}笔）交付受助对象：同时记入经费账“其他收入”和
            {d.beneficiaryMemberId ? '“困难职工帮扶”' : '“其他支出”'}各一笔。
          </p>
        }
        schema={donationHandoverBody}
        initialValues={{ date: dayjs().format('YYYY-MM-DD'), payee: d.beneficiaryName }}
        submitText="确认交付"
        onSubmit={async (body) => {
          await api.post(`/care/donations/drives/${d.id}/handover`, body);
          await done('已交付并记账');
        }}
      >
        <Form.Item name="date" label="交付日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="payee" label="收款人">
          <Input />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号">
          <Input />
        </Form.Item>
        <Form.Item name="note" label="交付说明">
          <Input placeholder="如：转账至本人账户" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
