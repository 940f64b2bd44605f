import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import {
  AID_KIND_LABELS,
  AID_KINDS,
  VISIT_REASON_LABELS,
  VISIT_REASONS,
  WELFARE_APPROVER_LABELS,
  WELFARE_APPROVERS,
  WELFARE_SUBJECT_LABELS,
  WELFARE_SUBJECTS,
  type WelfareRuleView,
  welfareRuleCreateBody,
} from '../../../../common/schemas/care';
import { yuan } from '../../../../common/schemas/funds';
import { useCan } from '../../../access';
import { api } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { ListPage } from '../../../components/ListPage';
import { useDialog } from '../../../components/useDialog';
import { dateStringItem, withoutEmpty } from '../../../forms';
import { labelOptions } from '../../../options';
import { toFen, useCategories, YuanInput } from '../../funds/fundsShared';

const RULES_KEY = ['care', 'rules'] as const;
const money = (fen: number | null) => (fen === null ? '不限' : `${yuan(fen)}元`);

/** Expense leaf categories by code: a rule names the category it pays from by its stable code. */
function CategoryCodeSelect(props: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const { data = [] } = useCategories();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择支出科目"
      options={data
        .filter((c) => c.kind === 'expense' && c.leaf)
        .map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
    />
  );
}

function CodeSelect(props: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const subject = Form.useWatch('subject', Form.useFormInstance());
  const options: { value: string; label: string }[] =
    subject === 'aid'
      ? labelOptions(AID_KIND_LABELS, AID_KINDS)
      : labelOptions(VISIT_REASON_LABELS, VISIT_REASONS);
  return <Select {...props} options={options} placeholder="请选择" />;
}

const versionColumns = [
  { title: '慰问事由/救助类型', dataIndex: 'label' },
  { title: '标准金额', dataIndex: 'standardFen', render: (f: number) => `${yuan(f)}元` },
  { title: '慰问品', dataIndex: 'giftNote', render: (g: string | null) => g ?? '—' },
  { title: '每人年度上限', dataIndex: 'yearlyCapFen', render: money },
  { title: '每人每年次数', dataIndex: 'yearlyTimes', render: (t: number | null) => t ?? '不限' },
  {
    title: '审批',
    dataIndex: 'approver',
    render: (a: WelfareRuleView['approver'], r: WelfareRuleView) =>
      `${WELFARE_APPROVER_LABELS[a]}${r.committeeAboveFen !== null ? `（超过${yuan(r.committeeAboveFen)}元由工会委员会）` : ''}`,
  },
  {
    title: '经费科目',
    dataIndex: 'categoryName',
    render: (n: string | null, r: WelfareRuleView) => n ?? r.categoryCode,
  },
  {
    title: '执行期间',
    dataIndex: 'effectiveFrom',
    render: (from: string, r: WelfareRuleView) => `${from} 至 ${r.effectiveTo ?? '今'}`,
  },
];

/** 福利标准: what each occasion and aid kind pays today, every version, and new versions by effective date. */
export default function RulesPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const adding = useDialog<Partial<WelfareRuleView>>({});
  const today = dayjs().format('YYYY-MM-DD');
  const rules = useQuery({
    queryKey: RULES_KEY,
    queryFn: () => api.get<{ data: WelfareRuleView[] }>('/care/rules').then((r) => r.data),
  });
  const all = rules.data ?? [];
  const inForce = all.filter(
    (r) => r.effectiveFrom <= today && (r.effectiveTo === null || r.effectiveTo >= today),
  );
  const versionsOf = (r: WelfareRuleView) => all.filter((v) => v.subject === r.subject && v.code === r.code);

  async function remove(id: string) {
    try {
      await api.del(`/care/rules/${id}`);
      message.success('已删除该版本');
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <ListPage
      title="福利标准"
      actions={
        mayWrite && (
          <Button type="primary" onClick={() => adding.show({ effectiveFrom: today })}>
            新增版本
          </Button>
        )
      }
    >
      {WELFARE_SUBJECTS.map((subject) => (
        <Flex key={subject} vertical gap={8} style={{ marginBottom: 24 }}>
          <h3 style={{ margin: 0 }}>{WELFARE_SUBJECT_LABELS[subject]}（今日执行）</h3>
          <Table<WelfareRuleView>
            rowKey="id"
            size="middle"
            loading={rules.isFetching}
            dataSource={inForce.filter((r) => r.subject === subject)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: rules.error ? `加载失败：${rules.error.message}` : '暂无标准' }}
            expandable={{
              expandedRowRender: (r) => (
                <Table<WelfareRuleView>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={versionsOf(r)}
                  columns={[
                    ...versionColumns.slice(1),
                    { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
                    {
                      title: '',
                      key: 'actions',
                      render: (_: unknown, v: WelfareRuleView) =>
                        v.effectiveFrom > today ? (
                          <Flex gap={4} align="center">
                            <Tag color="blue">待生效</Tag>
                            {mayWrite && (
                              <Popconfirm title="删除这个尚未生效的版本？" onConfirm={() => remove(v.id)}>
                                <Button size="small" type="link" danger>
                                  删除
                                </Button>
                              </Popconfirm>
                            )}
                          </Flex>
                        ) : null,
                    },
                  ]}
                />
              ),
            }}
            columns={[
              ...versionColumns,
              {
                title: '版本',
                key: 'versions',
                render: (_: unknown, r: WelfareRuleView) => {
                  const n = versionsOf(r).length;
                  const pending = versionsOf(r).some((v) => v.effectiveFrom > today);
                  return (
                    <Flex gap={4} align="center">
                      {n}个{pending && <Tag color="blue">有待生效版本</Tag>}
                      {mayWrite && (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => adding.show({ ...r, effectiveFrom: undefined })}
                        >
                          调整
                        </Button>
                      )}
                    </Flex>
                  );
                },
              },
            ]}
          />
        </Flex>
      ))}
      <FormDrawer
        title="新增福利标准版本"
        open={adding.open}
        onClose={adding.close}
        schema={welfareRuleCreateBody}
        initialValues={{
          subject: adding.subject.subject ?? 'visit',
          code: adding.subject.code,
          standardFen:
            adding.subject.standardFen === undefined ? undefined : adding.subject.standardFen / 100,
          giftNote: adding.subject.giftNote ?? undefined,
          yearlyCapFen: adding.subject.yearlyCapFen == null ? undefined : adding.subject.yearlyCapFen / 100,
          yearlyTimes: adding.subject.yearlyTimes ?? undefined,
          approver: adding.subject.approver ?? 'officer',
          committeeAboveFen:
            adding.subject.committeeAboveFen == null ? undefined : adding.subject.committeeAboveFen / 100,
          categoryCode: adding.subject.categoryCode,
          effectiveFrom: adding.subject.effectiveFrom,
        }}
        toBody={(v) => {
          // Amounts are typed in 元 under the body's own names, so a refusal lands on the field.
          const {
            standardFen: standard,
            yearlyCapFen: yearlyCap,
            committeeAboveFen: committeeAbove,
            ...rest
          } = withoutEmpty(v);
          return {
            ...rest,
            standardFen: toFen(standard),
            yearlyCapFen: yearlyCap == null ? null : toFen(yearlyCap),
            committeeAboveFen: committeeAbove == null ? null : toFen(committeeAbove),
            yearlyTimes: rest.yearlyTimes ?? null,
          };
        }}
        onSubmit={async (body) => {
          await api.post('/care/rules', body);
          message.success('已新增版本；生效日之前的记录仍按原标准');
          adding.close();
          await queryClient.invalidateQueries({ queryKey: ['care'] });
        }}
      >
        <Form.Item name="subject" label="类别" required>
          <Select options={labelOptions(WELFARE_SUBJECT_LABELS, WELFARE_SUBJECTS)} />
        </Form.Item>
        <Form.Item name="code" label="慰问事由/救助类型" required>
          <CodeSelect />
        </Form.Item>
        <Form.Item name="effectiveFrom" label="生效日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="standardFen" label="标准金额" required>
          <YuanInput />
        </Form.Item>
        <Form.Item name="giftNote" label="慰问品">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="yearlyCapFen" label="每人年度上限" extra="不填为不限">
          <YuanInput />
        </Form.Item>
        <Form.Item name="yearlyTimes" label="每人每年次数" extra="不填为不限">
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="approver" label="审批人" required>
          <Select options={labelOptions(WELFARE_APPROVER_LABELS, WELFARE_APPROVERS)} />
        </Form.Item>
        <Form.Item name="committeeAboveFen" label="超过此金额由工会委员会审议" extra="不填为不设">
          <YuanInput />
        </Form.Item>
        <Form.Item name="categoryCode" label="经费科目" required>
          <CategoryCodeSelect />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormDrawer>
    </ListPage>
  );
}
