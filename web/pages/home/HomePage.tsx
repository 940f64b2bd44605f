import { Card, Flex, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '../../../common/permissions';
import { can, useMe } from '../../access';
import { FundsPanel } from './FundsPanel';
import { MemberStatsPanel } from './MemberStatsPanel';

/** 首页: member statistics for those who may read members, a welcome card for everyone else. */
export default function HomePage() {
  const me = useMe();
  const funds = can(me, 'funds:summary') && <FundsPanel />;
  if (can(me, 'member:read'))
    return (
      <Flex vertical gap={16}>
        {funds}
        <MemberStatsPanel />
      </Flex>
    );
  if (funds) return funds;
  return (
    <Card title="欢迎使用医院工会管理系统">
      <Flex vertical gap={12}>
        <Typography.Text>
          {me.displayName}，您好！您当前在「{me.orgName}」担任以下角色：
        </Typography.Text>
        <Flex gap={8} wrap>
          {me.roles.map((r) => (
            <Tag key={r} color="blue">
              {ROLE_LABELS[r]}
            </Tag>
          ))}
        </Flex>
        <Typography.Text type="secondary">请从左侧菜单进入您有权使用的功能。</Typography.Text>
      </Flex>
    </Card>
  );
}
