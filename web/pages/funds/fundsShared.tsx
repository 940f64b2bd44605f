import { useQuery } from '@tanstack/react-query';
import { InputNumber, Select, Tag, TreeSelect } from 'antd';
import {
  type CategoryView,
  EXPENSE_REQUEST_STATUS_LABELS,
  type ExpenseRequestStatus,
  type FundKind,
  yuan,
} from '../../../common/schemas/funds';
import { api } from '../../api';

export const FUNDS_KEY = ['funds'] as const;

/** Money is typed in 元 with two decimals and sent as integer 分. */
export const toFen = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : v);
export const money = (fen: number) => yuan(fen);

export function YuanInput({
  allowNegative,
  ...props
}: {
  id?: string;
  value?: number;
  onChange?: (v: number | null) => void;
  allowNegative?: boolean;
}) {
  return (
    <InputNumber
      {...props}
      min={allowNegative ? undefined : 0}
      precision={2}
      style={{ width: '100%' }}
      suffix="元"
    />
  );
}

export function useCategories() {
  return useQuery({
    queryKey: [...FUNDS_KEY, 'categories'],
    queryFn: () => api.get<{ data: CategoryView[] }>('/funds/categories').then((r) => r.data),
    staleTime: 60_000,
  });
}

type TreeNode = { title: string; value: string; selectable: boolean; children: TreeNode[] };

/** The chart of one kind as a tree; only leaf categories can be chosen (money lives on leaves). */
export function CategoryPicker(props: {
  id?: string;
  kind?: FundKind;
  value?: string;
  onChange?: (v: string) => void;
  leafOnly?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const { data = [] } = useCategories();
  const list = data.filter((c) => !props.kind || c.kind === props.kind);
  const build = (parentId: string | null): TreeNode[] =>
    list
      .filter((c) => c.parentId === parentId)
      .map((c) => ({
        title: `${c.code} ${c.name}`,
        value: c.id,
        selectable: !props.leafOnly || c.leaf,
        children: build(c.id),
      }));
  return (
    <TreeSelect
      // Re-mounted once the chart arrives: the tree expands all nodes only on its first render with data.
      key={list.length}
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      treeData={build(null)}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? '选择科目'}
      style={props.style ?? { width: '100%' }}
    />
  );
}

const STATUS_COLORS: Record<ExpenseRequestStatus, string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'success',
  paid: 'purple',
  refused: 'error',
  withdrawn: 'default',
};

export function RequestStatusTag({ status }: { status: ExpenseRequestStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{EXPENSE_REQUEST_STATUS_LABELS[status]}</Tag>;
}

export function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  const now = new Date().getFullYear();
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 120 }}
      aria-label="年度"
      options={[now + 1, now, now - 1, now - 2, now - 3].map((y) => ({ value: y, label: `${y}年` }))}
    />
  );
}
