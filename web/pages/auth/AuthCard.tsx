import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the screens used before entering the system (login, setup). */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          医院工会管理系统
        </Typography.Title>
        <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 0, marginBottom: 24 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
