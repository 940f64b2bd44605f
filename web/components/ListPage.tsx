import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface ListPageProps {
  title: string;
  /** Buttons at the top right: 新增, 导入, 导出… */
  actions?: ReactNode;
  /** The filter bar above the table. */
  filters?: ReactNode;
  children: ReactNode;
}

/** The frame of a list screen: title and actions, then filters, then the table. */
export function ListPage({ title, actions, filters, children }: ListPageProps) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {actions && (
          <Flex gap={8} wrap>
            {actions}
          </Flex>
        )}
      </Flex>
      {filters && <Card size="small">{filters}</Card>}
      <Card size="small">{children}</Card>
    </Flex>
  );
}
