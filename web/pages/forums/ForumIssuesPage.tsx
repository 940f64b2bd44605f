import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ForumIssueView } from '../../../common/schemas/forum';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';
import { FilterBar, SelectFilter, YearFilter } from '../../components/ListFilters';
import { ListPage } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { useListParams } from '../../useListParams';
import { issueColumns } from './ForumDetailPage';
import { ForumIssueActions } from './ForumIssueActions';
import { FORUMS_KEY } from './ForumListPage';

/** Every problem raised at the year's forums, solved or not: the list behind the year's figures. */
export default function ForumIssuesPage() {
  const list = useListParams();
  const filters = { year: list.params.year, solved: list.params.solved };
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const result = useQuery({
    queryKey: [...FORUMS_KEY, 'issues', query],
    queryFn: () => api.get<Paged<ForumIssueView>>(`/forum-issues${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <ListPage
      title="座谈会问题清单"
      filters={
        <FilterBar list={list}>
          <YearFilter list={list} />
          <SelectFilter
            list={list}
            name="solved"
            placeholder="解决情况"
            options={[
              { value: 'true', label: '已解决' },
              { value: 'false', label: '未解决' },
            ]}
            width={110}
          />
        </FilterBar>
      }
    >
      <PagedTable<ForumIssueView>
        list={list}
        result={result}
        emptyText="暂无问题"
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
