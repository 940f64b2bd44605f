import { Flex } from 'antd';
import type { ReactNode } from 'react';

/** A phone-width column for the pages delegates open at the meeting. */
export function PhoneFrame({ children }: { children: ReactNode }) {
  return (
    <Flex vertical gap={12} style={{ maxWidth: 480, margin: '0 auto', padding: 12, minHeight: '100vh' }}>
      {children}
    </Flex>
  );
}
