import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Typography } from 'antd';
import type { CareHome } from '../../../common/schemas/careStats';
import { api } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { TodayWorklists } from './home/TodayWorklists';
import { YearFigures } from './home/YearFigures';

/** 关爱首页: today's worklists (who is due a visit, a review, an aid step) and the year's figures. */
export default function CareHomePage() {
  const home = useQuery({
    queryKey: ['care', 'home'],
    queryFn: () => api.get<{ data: CareHome }>('/care/home').then((r) => r.data),
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        关爱首页
      </Typography.Title>
      {home.error && <Alert type="error" showIcon title={home.error.message} />}
      {home.data ? <TodayWorklists home={home.data} /> : !home.error && <PageLoading />}
      <YearFigures />
    </Flex>
  );
}
