import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { BudgetExecutionTab } from './BudgetExecutionTab';
import { BySourceTab } from './BySourceTab';
import { DuesCollectionTab } from './DuesCollectionTab';
import { MonthlyLedgerTab } from './MonthlyLedgerTab';
import { ReviewNotesTab } from './ReviewNotesTab';

/** 财务报表: the statements the fund auditors and the higher-level union ask for, each exportable. */
export default function StatementsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'budget';
  return (
    <Card title="财务报表">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'budget', label: '收支预算执行情况表', children: <BudgetExecutionTab /> },
          { key: 'ledger', label: '明细账', children: <MonthlyLedgerTab /> },
          { key: 'source', label: '按来源汇总', children: <BySourceTab /> },
          { key: 'dues', label: '会费收缴', children: <DuesCollectionTab /> },
          { key: 'notes', label: '审查意见', children: <ReviewNotesTab /> },
        ]}
      />
    </Card>
  );
}
