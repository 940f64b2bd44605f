import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ExpenseRequestView } from '../../../../common/schemas/funds';
import { yuan } from '../../../../common/schemas/funds';
import {
  type EnrolmentView,
  enrolBody,
  MUTUAL_AID_PAYER_LABELS,
  type MutualAidPlanView,
  mutualAidPlanCreateBody,
  payPremiumsBody,
} from '../../../../common/schemas/mutualAid';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormModal } from '../../../components/FormModal';
import { YearFilter } from '../../../components/ListFilters';
import { dateStringItem } from '../../../forms';
import { useListParams } from '../../../useListParams';
import { MemberPicker } from '../../congress/MemberPicker';
import { YuanInput } from '../../funds/fundsShared';
import { fen, MUTUAL_AID_KEY } from './mutualAidShared';

/** The plans with their totals; choosing one shows its enrolments (care:read) and the premium payment. */
export function PlansTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const mayRead = useCan('care:read');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useListParams();
  const query = queryString({ year: list.params.year });
  const plans = useQuery({
    queryKey: [...MUTUAL_AID_KEY, 'plans', query],
    queryFn: () =>
      api.get<{ data: MutualAidPlanView[] }>(`/care/mutual-aid/plans${query}`).then((r) => r.data),
  });
  const plan = plans.data?.find((p) => p.id === selected);
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title="保障计划"
        extra={
          <Flex gap={8}>
            <YearFilter list={list} />
            {mayWrite && (
              <Button type="primary" onClick={() => setCreating(true)}>
                新建计划
              </Button>
            )}
          </Flex>
        }
      >
        <Table<MutualAidPlanView>
          rowKey="id"
          size="small"
          loading={plans.isFetching}
          dataSource={plans.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: plans.error ? `加载失败：${plans.error.message}` : '暂无保障计划' }}
          rowSelection={
            mayRead
              ? {
                  type: 'radio',
                  selectedRowKeys: selected ? [selected] : [],
                  onChange: (k) => setSelected(String(k[0])),
                }
              : undefined
          }
          onRow={(p) => ({ onClick: () => mayRead && setSelected(p.id) })}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '计划名称', dataIndex: 'name' },
            { title: '每人保费（元）', dataIndex: 'premiumFen', render: (v: number) => yuan(v) },
            {
              title: '缴费方式',
              dataIndex: 'payer',
              render: (v: keyof typeof MUTUAL_AID_PAYER_LABELS) => MUTUAL_AID_PAYER_LABELS[v],
            },
            { title: '保障期', key: 'period', render: (_, p) => `${p.periodStart} 至 ${p.periodEnd}` },
            { title: '参保人数', dataIndex: 'enrolled' },
            {
              title: '保费合计（元）',
              key: 'premium',
              render: (_, p) => (
                <>
                  {yuan(p.premiumTotalFen)}{' '}
                  {p.payer === 'union' &&
                    (p.premiumPaidFen === p.premiumTotalFen ? (
                      p.enrolled > 0 && <Tag color="success">已缴</Tag>
                    ) : (
                      <Tag color="warning">待缴 {yuan(p.premiumTotalFen - p.premiumPaidFen)}</Tag>
                    ))}
                </>
              ),
            },
            { title: '申请件数', dataIndex: 'claims' },
            { title: '已给付（元）', dataIndex: 'payoutTotalFen', render: (v: number) => yuan(v) },
          ]}
        />
      </Card>
      {plan && mayRead && <Enrolments plan={plan} mayWrite={mayWrite} />}
      <FormDrawer
        title="新建互助保障计划"
        open={creating}
        onClose={() => setCreating(false)}
        schema={mutualAidPlanCreateBody}
        initialValues={{
          year: dayjs().year(),
          payer: 'union',
          periodStart: `${dayjs().year()}-01-01`,
          periodEnd: `${dayjs().year()}-12-31`,
        }}
        toBody={(v) => ({ ...v, premiumFen: fen(v.premiumFen), note: v.note || null })}
        onSubmit={async (body) => {
          await api.post('/care/mutual-aid/plans', body);
          setCreating(false);
          message.success('计划已建立');
          await queryClient.invalidateQueries({ queryKey: MUTUAL_AID_KEY });
        }}
      >
        <Form.Item name="year" label="年度" required>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label="计划名称" required>
          <Input maxLength={100} placeholder="如：在职职工住院医疗互助保障" />
        </Form.Item>
        <Form.Item name="premiumFen" label="每人保费" required>
          <YuanInput />
        </Form.Item>
        <Form.Item name="payer" label="缴费方式" required>
          <Radio.Group
            options={Object.entries(MUTUAL_AID_PAYER_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="periodStart" label="保障起始日" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="periodEnd" label="保障截止日" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormDrawer>
    </Flex>
  );
}

function Enrolments({ plan, mayWrite }: { plan: MutualAidPlanView; mayWrite: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<'enrol' | 'pay' | null>(null);
  const query = queryString({ ...page, q });
  const list = useQuery({
    queryKey: [...MUTUAL_AID_KEY, 'enrolments', plan.id, query],
    queryFn: () => api.get<Paged<EnrolmentView>>(`/care/mutual-aid/plans/${plan.id}/enrolments${query}`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: MUTUAL_AID_KEY });
  const unpaid = plan.premiumTotalFen - plan.premiumPaidFen;
  return (
    <Card
      size="small"
      title={`参保名单 · ${plan.year}年${plan.name}`}
      extra={
        mayWrite && (
          <Flex gap={8}>
            <Button onClick={() => setDialog('enrol')}>参保登记</Button>
            {plan.payer === 'union' && unpaid > 0 && (
              <Button type="primary" onClick={() => setDialog('pay')}>
                缴纳保费（{yuan(unpaid)}元）
              </Button>
            )}
          </Flex>
        )
      }
    >
      <Input.Search
        placeholder="职工姓名"
        allowClear
        onSearch={setQ}
        style={{ width: 200, marginBottom: 8 }}
      />
      <Table<EnrolmentView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.data}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.page.total ?? 0,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        locale={{ emptyText: '暂无参保职工' }}
        columns={[
          { title: '职工', dataIndex: 'memberName' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '保费（元）', dataIndex: 'premiumFen', render: (v: number) => yuan(v) },
          { title: '参保日期', dataIndex: 'enrolledOn' },
          {
            title: '工会缴费',
            dataIndex: 'premiumPaidOn',
            render: (v: string | null) => (plan.payer === 'member' ? '个人缴纳' : (v ?? '待缴')),
          },
          ...(mayWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, e: EnrolmentView) =>
                    !e.premiumEntryId && (
                      <Popconfirm
                        title="确定取消该职工的参保？"
                        onConfirm={() =>
                          api
                            .del(`/care/mutual-aid/plans/${plan.id}/enrolments/${e.id}`)
                            .then(refresh)
                            .catch((err: Error) => message.error(err.message))
                        }
                      >
                        <Button type="link" size="small" danger>
                          取消参保
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title="参保登记"
        open={dialog === 'enrol'}
        onClose={() => setDialog(null)}
        schema={enrolBody}
        initialValues={{ scope: 'all', enrolledOn: dayjs().format('YYYY-MM-DD') }}
        submitText="登记"
        onSubmit={async (body) => {
          const r = await api.post<{ data: { added: number } }>(
            `/care/mutual-aid/plans/${plan.id}/enrolments`,
            body,
          );
          setDialog(null);
          message.success(`已登记${r.data.added}人（已参保的不重复登记）`);
          await refresh();
        }}
      >
        <Form.Item name="scope" label="参保范围" required>
          <Select
            options={[
              { value: 'all', label: '全体会员' },
              { value: 'department', label: '一个科室的会员' },
              { value: 'members', label: '指定职工' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['scope']}>
          {({ getFieldValue }) =>
            getFieldValue('scope') === 'department' ? (
              <Form.Item name="departmentId" label="参保科室" required>
                <DepartmentTreeSelect />
              </Form.Item>
            ) : getFieldValue('scope') === 'members' ? (
              <Form.Item name="memberIds" label="参保职工" required>
                <MemberPicker />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="enrolledOn" label="参保日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal
        title={`缴纳保费 ${yuan(unpaid)} 元`}
        intro={
          <p>
            工会为尚未缴费的参保职工统一缴纳保费，记一笔支出（其他服务）。超过直接列支限额时须先有获批的经费申请。
          </p>
        }
        open={dialog === 'pay'}
        onClose={() => setDialog(null)}
        schema={payPremiumsBody}
        initialValues={{ paidOn: dayjs().format('YYYY-MM-DD') }}
        submitText="确认缴纳"
        onSubmit={async (body) => {
          await api.post(`/care/mutual-aid/plans/${plan.id}/pay-premiums`, body);
          setDialog(null);
          message.success('保费已缴纳并记账');
          await refresh();
        }}
      >
        <Form.Item name="paidOn" label="缴费日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="expenseRequestId" label="经费申请编号（超过直接列支限额时）">
          <ApprovedRequestSelect />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** Approved 经费申请 not yet paid, to settle premiums above the direct limit. */
function ApprovedRequestSelect(props: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
}) {
  const requests = useQuery({
    queryKey: ['funds', 'requests', 'approved-for-premiums'],
    queryFn: () =>
      api.get<Paged<ExpenseRequestView>>('/funds/requests?status=approved&pageSize=100').then((r) => r.data),
  });
  return (
    <Select
      {...props}
      allowClear
      loading={requests.isFetching}
      placeholder="不超过直接列支限额时不用选"
      options={(requests.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.no} ${r.purpose}（${r.categoryName}，${yuan(r.amountFen)}元）`,
      }))}
    />
  );
}
