import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MemberView } from '../../../common/schemas/member';
import type { Paged } from '../../../common/schemas/shared';
import { useCan } from '../../access';
import { api, queryString } from '../../api';
import { ListPage } from '../../components/ListPage';
import { useListParams } from '../../useListParams';
import { MemberFilters } from './MemberFilters';
import { MemberFormDrawer } from './MemberFormDrawer';
import { memberColumns } from './memberColumns';
import { MEMBERS_KEY } from './memberQueries';

const FILTER_KEYS = ['q', 'departmentId', 'unionGroupId', 'employmentType', 'status', 'joinedYear'] as const;

/** 会员名册: the roster with its filters, sort and page in the URL. */
export default function MemberListPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const canWrite = useCan('member:write');
  const canImport = useCan('member:import');
  const canExport = useCan('member:export');

  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, list.params[k]]));
  const { sort, order } = list.params;
  const query = { ...filters, sort, order, page: list.page, pageSize: list.pageSize };
  const { data, isFetching, error } = useQuery({
    queryKey: [...MEMBERS_KEY, 'list', query],
    queryFn: () => api.get<Paged<MemberView>>(`/members${queryString(query)}`),
    placeholderData: keepPreviousData,
  });

  const columns = memberColumns.map((c) =>
    c.key && c.key === sort
      ? { ...c, sortOrder: order === 'asc' ? ('ascend' as const) : ('descend' as const) }
      : c,
  );
  const onChange: TableProps<MemberView>['onChange'] = (_p, _f, sorter, { action }) => {
    if (action !== 'sort' || Array.isArray(sorter)) return;
    const on = sorter.order ? String(sorter.columnKey) : undefined;
    list.setFilters({ sort: on, order: on && (sorter.order === 'ascend' ? 'asc' : 'desc') });
  };

  return (
    <ListPage
      title="会员名册"
      actions={
        <>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增会员
            </Button>
          )}
          {canImport && (
            <Button icon={<ImportOutlined />} onClick={() => navigate('/members/import')}>
              导入
            </Button>
          )}
          {canExport && (
            <Button icon={<DownloadOutlined />} href={`/api/members/export${queryString(filters)}`} download>
              导出Excel
            </Button>
          )}
        </>
      }
      filters={<MemberFilters values={filters} onChange={list.setFilters} onReset={list.clear} />}
    >
      <div data-testid="members-table">
        <Table<MemberView>
          rowKey="id"
          columns={columns}
          dataSource={data?.data}
          loading={isFetching}
          pagination={list.pagination(data?.page.total)}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          locale={error ? { emptyText: `加载失败：${error.message}` } : undefined}
        />
      </div>
      <MemberFormDrawer open={creating} onClose={() => setCreating(false)} />
    </ListPage>
  );
}
