import { Card, Flex, Tabs, Typography } from 'antd';
import { BirthdaysWorklist } from './BirthdaysWorklist';
import { EventsWorklist } from './EventsWorklist';
import { FestivalWorklist } from './FestivalWorklist';

/** 待慰问: reported events, this month's birthdays, and who is due a festival visit. */
export default function WorklistsPage() {
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        待慰问
      </Typography.Title>
      <Card size="small">
        <Tabs
          items={[
            { key: 'events', label: '报告事件', children: <EventsWorklist /> },
            { key: 'birthdays', label: '本月生日', children: <BirthdaysWorklist /> },
            { key: 'festival', label: '节日慰问', children: <FestivalWorklist /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
