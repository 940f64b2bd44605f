import { Card, Flex, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { BirthdaysWorklist } from './BirthdaysWorklist';
import { EventsWorklist } from './EventsWorklist';
import { FestivalWorklist } from './FestivalWorklist';

const TABS = ['events', 'birthdays', 'festival'];

/**
 * 待慰问: reported events, this month's birthdays, and who is due a festival visit. `?tab=` opens one
 * of them (the care home links there), and the birthdays open on the unvisited with `?visited=no`.
 */
export default function WorklistsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.includes(params.get('tab') ?? '') ? (params.get('tab') as string) : 'events';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        待慰问
      </Typography.Title>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'events', label: '报告事件', children: <EventsWorklist /> },
            {
              key: 'birthdays',
              label: '本月生日',
              children: <BirthdaysWorklist initialVisited={params.get('visited') === 'no' ? 'no' : 'all'} />,
            },
            { key: 'festival', label: '节日慰问', children: <FestivalWorklist /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
