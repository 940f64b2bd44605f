import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { ClaimsTab } from './ClaimsTab';
import { PlansTab } from './PlansTab';

/** 职工互助保障: plans with their enrolments and premiums, and the claims (care:read). */
export default function MutualAidPage() {
  const [search, setSearch] = useSearchParams();
  const mayRead = useCan('care:read');
  const tab = search.get('tab') === 'claims' && mayRead ? 'claims' : 'plans';
  return (
    <>
      <Typography.Title level={4}>职工互助保障</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch(k === 'plans' ? {} : { tab: k })}
        items={[
          { key: 'plans', label: '保障计划', children: <PlansTab /> },
          ...(mayRead ? [{ key: 'claims', label: '互助金申请', children: <ClaimsTab /> }] : []),
        ]}
      />
    </>
  );
}
