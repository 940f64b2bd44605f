import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Table } from 'antd';
import { Link } from 'react-router';
import type { ForumIssueView } from '../../../common/schemas/forum';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';
import { ListPage } from '../../components/ListPage';
import { useListParams } from '../../useListParams';
import { recentYears } from '../disclosures/disclosureQueries';
import { issueColumns } from './ForumDetailPage';
import { ForumIssueActions } from './ForumIssueActions';
import { FORUMS_KEY } from './ForumListPage';

/** Every problem raised at the year's forums, solved or not: the list behind the year's figures. */
export default function ForumIssuesPage() {
  const list = useListParams();
  const filters = { year: list.params.year, solved: list.params.solved };
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const { data, isFetching, error } = useQuery({
    queryKey: [...FORUMS_KEY, 'issues', query],
    queryFn: () => api.get<Paged<ForumIssueView>>(`/forum-issues${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <ListPage
      title="座谈会问题清单"
      filters={
        <Flex gap={8} wrap>
          <Select
            placeholder="年份"
            allowClear
            value={filters.year ? Number(filters.year) : undefined}
            options={recentYears()}
            onChange={(year) => list.setFilters({ year })}
            style={{ width: 110 }}
          />
          <Select
            placeholder="解决情况"
            allowClear
            value={filters.solved}
            options={[
              { value: 'true', label: '已解决' },
              { value: 'false', label: '未解决' },
            ]}
            onChange={(solved) => list.setFilters({ solved })}
            style={{ width: 110 }}
          />
          <Button onClick={list.clear}>重置</Button>
        </Flex>
      }
    >
      <Table<ForumIssueView>
        rowKey="id"
        dataSource={data?.data}
        loading={isFetching}
        pagination={list.pagination(data?.page.total)}
        scroll={{ x: 'max-content' }}
        locale={error ? { emptyText: `加载失败：${error.message}` } : { emptyText: '暂无问题' }}
        columns={[
          {
            title: '座谈会',
            render: (_, i) => <Link to={`/forums/${i.forumId}`}>{`${i.forumDate} ${i.forumTitle}`}</Link>,
          },
          ...issueColumns,
          { title: '操作', render: (_, i) => <ForumIssueActions issue={i} /> },
        ]}
      />
    </ListPage>
  );
}
