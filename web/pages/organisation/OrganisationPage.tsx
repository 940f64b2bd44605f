import { Flex, Typography } from 'antd';
import { DepartmentTable } from './DepartmentTable';
import { UnionGroupTable } from './UnionGroupTable';

/** 科室与工会小组. */
export default function OrganisationPage() {
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        科室与工会小组
      </Typography.Title>
      <DepartmentTable />
      <UnionGroupTable />
    </Flex>
  );
}
