import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  HARDSHIP_STATUS_LABELS,
  type HardshipFileView,
  type HardshipListItem,
  hardshipCreateBody,
} from '../../../../common/schemas/hardship';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { FormDrawer } from '../../../components/FormDrawer';
import {
  DateFilter,
  FilterBar,
  SearchFilter,
  SelectFilter,
  YearFilter,
} from '../../../components/ListFilters';
import { ListPage } from '../../../components/ListPage';
import { PagedTable } from '../../../components/PagedTable';
import { useListParams } from '../../../useListParams';
import { HardshipFormFields, toHardshipBody } from './HardshipFormFields';
import { HARDSHIP_KEY, HardshipStatusTag, LevelTag, levelOptions, reasonsText } from './hardshipShared';

/** 困难职工档案: the register with its review due list; opening a file is audited. */
export default function HardshipListPage() {
  const list = useListParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const [creating, setCreating] = useState(false);
  const { params } = list;
  const query = queryString({
    page: list.page,
    pageSize: list.pageSize,
    status: params.status,
    level: params.level,
    departmentId: params.departmentId,
    reviewDue: params.reviewDue,
    activeOn: params.activeOn,
    registeredYear: params.registeredYear,
    q: params.q,
  });
  const result = useQuery({
    queryKey: [...HARDSHIP_KEY, 'list', query],
    queryFn: () => api.get<Paged<HardshipListItem>>(`/care/hardship${query}`),
  });
  return (
    <ListPage
      title="困难职工档案"
      actions={
        mayWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建档案
          </Button>
        )
      }
      filters={
        <FilterBar list={list}>
          <SearchFilter list={list} placeholder="职工姓名" />
          <SelectFilter
            list={list}
            name="status"
            placeholder="状态"
            width={110}
            options={Object.entries(HARDSHIP_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <SelectFilter list={list} name="level" placeholder="困难等级" width={120} options={levelOptions} />
          <DepartmentTreeSelect
            value={params.departmentId}
            onChange={(departmentId) => list.setFilters({ departmentId })}
            style={{ width: 200 }}
          />
          <SelectFilter
            list={list}
            name="reviewDue"
            placeholder="复核"
            width={150}
            options={[{ value: 'true', label: '30天内到期或逾期' }]}
          />
          <DateFilter list={list} name="activeOn" label="在档日期" />
          <YearFilter list={list} name="registeredYear" label="建档年度" width={170} />
        </FilterBar>
      }
    >
      <PagedTable<HardshipListItem>
        list={list}
        result={{ data: result.data, isFetching: result.isFetching, error: result.error }}
        emptyText="暂无困难职工档案"
        columns={[
          {
            title: '职工',
            dataIndex: 'memberName',
            render: (name: string, r) => <Link to={`/care/hardship/${r.id}`}>{name}</Link>,
          },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '困难等级', dataIndex: 'level', render: (_, r) => <LevelTag level={r.level} /> },
          { title: '致困原因', dataIndex: 'reasons', render: (_, r) => reasonsText(r.reasons) },
          { title: '建档日期', dataIndex: 'registeredOn' },
          {
            title: '下次复核',
            dataIndex: 'nextReviewOn',
            render: (d: string, r) =>
              r.status === 'closed' ? (
                '—'
              ) : (
                <>
                  {d}{' '}
                  {r.overdue ? (
                    <Tag color="error">逾期</Tag>
                  ) : r.reviewDue ? (
                    <Tag color="warning">待复核</Tag>
                  ) : null}
                </>
              ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (_, r) => (
              <>
                <HardshipStatusTag status={r.status} /> {r.closedOn}
              </>
            ),
          },
        ]}
      />
      <FormDrawer
        title="新建困难职工档案"
        open={creating}
        onClose={() => setCreating(false)}
        schema={hardshipCreateBody}
        initialValues={{ registeredOn: dayjs().format('YYYY-MM-DD'), reasons: [], household: [] }}
        toBody={toHardshipBody}
        onSubmit={async (body) => {
          const created = await api.post<{ data: HardshipFileView }>('/care/hardship', body);
          setCreating(false);
          message.success('档案已建立');
          await queryClient.invalidateQueries({ queryKey: HARDSHIP_KEY });
          navigate(`/care/hardship/${created.data.id}`);
        }}
      >
        <HardshipFormFields create />
      </FormDrawer>
    </ListPage>
  );
}
