import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Form, Input, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  type CategoryView,
  categoryCreateBody,
  FUND_KIND_LABELS,
  type FundSettingsView,
  fundSettingsBody,
  OVER_BUDGET_RULE_LABELS,
  OVER_BUDGET_RULES,
  type OverBudgetRule,
} from '../../../common/schemas/funds';
import { useCan } from '../../access';
import { ApiError, api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { ZodForm } from '../../components/ZodForm';
import { FUNDS_KEY, money, toFen, useCategories, YuanInput } from './fundsShared';

const SETTINGS_KEY = [...FUNDS_KEY, 'settings'] as const;
const LIMITS = ['officerLimitFen', 'chairLimitFen', 'directPostLimitFen'] as const;
const LIMIT_LABELS: Record<(typeof LIMITS)[number], string> = {
  officerLimitFen: '专职干部审批限额',
  chairLimitFen: '主席审批限额',
  directPostLimitFen: '直接列支限额',
};
const LIMIT_HELP: Record<(typeof LIMITS)[number], string> = {
  officerLimitFen: '不超过此金额的申请由专职干部审核后即批准',
  chairLimitFen: '不超过此金额的申请由主席审批；超过的还须集体研究',
  directPostLimitFen: '不超过此金额的支出可不经申请直接记账',
};

/** 审批与列支规则: the form keeps the limits' field names so zod and server messages land on them, but in 元. */
function RulesCard() {
  const canWrite = useCan('funds:write');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data } = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api.get<{ data: FundSettingsView }>('/funds/settings').then((r) => r.data),
  });
  if (!data) return <Card title="审批与列支规则" loading />;
  return (
    <Card title="审批与列支规则">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          ...LIMITS.map((k) => ({ key: k, label: LIMIT_LABELS[k], children: `${money(data[k])}元` })),
          { key: 'rule', label: '超预算规则', children: OVER_BUDGET_RULE_LABELS[data.overBudgetRule] },
        ]}
      />
      <ZodForm
        // Re-built on each saved version, so the inputs show what was stored.
        key={data.version}
        schema={fundSettingsBody}
        disabled={!canWrite}
        initialValues={{
          overBudgetRule: data.overBudgetRule,
          ...Object.fromEntries(LIMITS.map((k) => [k, data[k] / 100])),
        }}
        toBody={(v) => ({
          overBudgetRule: v.overBudgetRule,
          ...Object.fromEntries(LIMITS.map((k) => [k, toFen(v[k] ?? undefined)])),
          version: data.version,
        })}
        onSubmit={async (body) => {
          try {
            await api.put('/funds/settings', body);
            message.success('经费设置已保存');
          } catch (err) {
            // Someone else saved first: load their values so the next try starts from them.
            if (err instanceof ApiError && err.status === 409)
              queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
            throw err;
          }
          queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
        }}
      >
        {LIMITS.map((k) => (
          <Form.Item key={k} name={k} label={LIMIT_LABELS[k]} extra={LIMIT_HELP[k]} required>
            <YuanInput />
          </Form.Item>
        ))}
        <Form.Item name="overBudgetRule" label="超预算规则" extra="科目可单独设置，见下方科目列表" required>
          <Radio.Group
            options={OVER_BUDGET_RULES.map((r) => ({ value: r, label: OVER_BUDGET_RULE_LABELS[r] }))}
          />
        </Form.Item>
      </ZodForm>
    </Card>
  );
}

type Row = CategoryView & { children?: Row[] };

function tree(list: CategoryView[]): Row[] {
  const build = (parentId: string | null): Row[] =>
    list
      .filter((c) => c.parentId === parentId)
      .map((c) => {
        const children = build(c.id);
        return children.length ? { ...c, children } : c;
      });
  return build(null);
}

const INHERIT = 'inherit';

/** 经费科目: the chart with each expense category's own over-budget rule, and a union's own sub-categories. */
function CategoriesCard() {
  const canWrite = useCan('funds:write');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data = [], isLoading } = useCategories();
  const [parentId, setParentId] = useState<string | null>(null);
  const topLevel = data.filter((c) => !c.parentId);

  async function setRule(c: CategoryView, rule: OverBudgetRule | null) {
    try {
      await api.put(`/funds/categories/${c.id}`, { overBudgetRule: rule });
      message.success('科目已保存');
      queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
    } catch (err) {
      message.error(err instanceof Error ? err.message : '操作失败，请稍后再试');
    }
  }

  return (
    <Card title="经费科目" style={{ marginTop: 16 }}>
      <Table<Row>
        // Re-mounted once loaded: antd expands all rows only on the first render with rows.
        key={data.length}
        rowKey="id"
        size="small"
        loading={isLoading}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        dataSource={tree(data)}
        columns={[
          { title: '科目', key: 'name', render: (_, c) => `${c.code} ${c.name}` },
          { title: '类别', dataIndex: 'kind', render: (k: CategoryView['kind']) => FUND_KIND_LABELS[k] },
          {
            title: '来源',
            dataIndex: 'builtIn',
            render: (b: boolean) => (b ? <Tag>会计制度</Tag> : <Tag color="blue">自设</Tag>),
          },
          {
            title: '超预算规则',
            key: 'rule',
            width: 200,
            render: (_, c) =>
              c.kind === 'expense' && (
                <Select
                  size="small"
                  style={{ width: 180 }}
                  aria-label={`${c.name}超预算规则`}
                  disabled={!canWrite}
                  value={c.overBudgetRule ?? INHERIT}
                  onChange={(v: string) => setRule(c, v === INHERIT ? null : (v as OverBudgetRule))}
                  options={[
                    { value: INHERIT, label: '按经费设置' },
                    ...OVER_BUDGET_RULES.map((r) => ({ value: r, label: OVER_BUDGET_RULE_LABELS[r] })),
                  ]}
                />
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, c: Row) =>
                    !c.parentId && (
                      <Button type="link" size="small" onClick={() => setParentId(c.id)}>
                        添加下级科目
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title="添加下级科目"
        open={!!parentId}
        onClose={() => setParentId(null)}
        schema={categoryCreateBody}
        initialValues={{ parentId }}
        onSubmit={async (body) => {
          await api.post('/funds/categories', body);
          message.success('科目已添加');
          setParentId(null);
          queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
        }}
      >
        <Form.Item name="parentId" label="上级科目" required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={topLevel.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="name" label="科目名称" required>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="code" label="科目编码" extra="留空则按上级科目编码自动编号">
          <Input maxLength={12} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** 经费设置: approval limits, the direct-post limit and the over-budget rule, and the chart of categories. */
export default function FundSettingsPage() {
  return (
    <Flex vertical>
      <RulesCard />
      <CategoriesCard />
    </Flex>
  );
}
