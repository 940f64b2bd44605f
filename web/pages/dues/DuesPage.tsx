import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../access';
import { ArrearsTab } from './ArrearsTab';
import { DuesImportsTab } from './DuesImportsTab';
import { ExemptionsTab } from './ExemptionsTab';
import { RatesTab } from './RatesTab';

/** 会费管理: imported months, arrears, exemptions and rates; the tab is kept in the URL. */
export default function DuesPage() {
  const navigate = useNavigate();
  const canWrite = useCan('funds:write');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'imports';
  return (
    <Card
      title="会费管理"
      extra={
        canWrite && (
          <Button icon={<ImportOutlined />} onClick={() => navigate('/dues/import')}>
            导入会费
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'imports', label: '导入记录', children: <DuesImportsTab /> },
          { key: 'arrears', label: '欠缴名单', children: <ArrearsTab /> },
          { key: 'exemptions', label: '免缴', children: <ExemptionsTab /> },
          { key: 'rates', label: '会费比例', children: <RatesTab /> },
        ]}
      />
    </Card>
  );
}
