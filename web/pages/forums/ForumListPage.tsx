import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  FORUM_KIND_LABELS,
  FORUM_KINDS,
  type ForumDetailView,
  type ForumView,
  forumCreateBody,
} from '../../../common/schemas/forum';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { FilterBar, SelectFilter, YearFilter } from '../../components/ListFilters';
import { ListPage } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { labelOptions } from '../../options';
import { useListParams } from '../../useListParams';
import { ForumFields } from './ForumFields';

export const FORUMS_KEY = ['forums'] as const;

/** 座谈会: forums with staff or patients' families, and how many of the problems raised are solved. */
export default function ForumListPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const filters = { year: list.params.year, kind: list.params.kind };
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const result = useQuery({
    queryKey: [...FORUMS_KEY, 'list', query],
    queryFn: () => api.get<Paged<ForumView>>(`/forums${queryString(query)}`),
    placeholderData: keepPreviousData,
  });

  return (
    <ListPage
      title="座谈会"
      actions={
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            登记座谈会
          </Button>
          <Button onClick={() => navigate(`/forums/issues${queryString({ year: filters.year })}`)}>
            问题清单
          </Button>
        </>
      }
      filters={
        <FilterBar list={list}>
          <YearFilter list={list} />
          <SelectFilter
            list={list}
            name="kind"
            placeholder="类型"
            options={labelOptions(FORUM_KIND_LABELS, FORUM_KINDS)}
            width={150}
          />
        </FilterBar>
      }
    >
      <PagedTable<ForumView>
        list={list}
        result={result}
        emptyText="暂无座谈会"
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          {
            title: '名称',
            dataIndex: 'title',
            render: (t: string, f) => <Link to={`/forums/${f.id}`}>{t}</Link>,
          },
          { title: '类型', dataIndex: 'kind', render: (k: ForumView['kind']) => FORUM_KIND_LABELS[k] },
          { title: '参加人数', dataIndex: 'participantCount' },
          { title: '提出问题', dataIndex: 'issueCount' },
          { title: '已解决', dataIndex: 'solvedCount' },
        ]}
      />
      <FormDrawer
        title="登记座谈会"
        open={creating}
        onClose={() => setCreating(false)}
        schema={forumCreateBody}
        initialValues={{ kind: 'staff' }}
        onSubmit={async (body) => {
          const res = await api.post<{ data: ForumDetailView }>('/forums', body);
          await qc.invalidateQueries({ queryKey: FORUMS_KEY });
          message.success('已登记');
          setCreating(false);
          navigate(`/forums/${res.data.id}`);
        }}
      >
        <ForumFields />
      </FormDrawer>
    </ListPage>
  );
}
