import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import {
  CHECKUP_STATUS_LABELS,
  CHECKUP_STATUSES,
  type CheckupProgrammeView,
  checkupProgrammeBody,
} from '../../../../common/schemas/checkup';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { FilterBar, SelectFilter, YearFilter } from '../../../components/ListFilters';
import { ListPage } from '../../../components/ListPage';
import { PagedTable } from '../../../components/PagedTable';
import { useDialog } from '../../../components/useDialog';
import { formatRate } from '../../../format';
import { labelOptions } from '../../../options';
import { useListParams } from '../../../useListParams';
import { CheckupFormFields, initialValues, toBody } from './CheckupFormFields';
import { CHECKUPS_KEY, CheckupStatusTag } from './checkupShared';

const statusOptions = labelOptions(CHECKUP_STATUS_LABELS, CHECKUP_STATUSES);

/** 健康体检: the year's programmes with their coverage. */
export default function CheckupListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useListParams();
  const mayWrite = useCan('care:write');
  const seesFollowUp = useCan('care:read');
  const creating = useDialog(null);
  const query = queryString({
    year: list.params.year,
    status: list.params.status,
    page: list.page,
    pageSize: list.pageSize,
  });
  const result = useQuery({
    queryKey: [...CHECKUPS_KEY, 'list', query],
    queryFn: () => api.get<Paged<CheckupProgrammeView>>(`/care/checkups${query}`),
  });

  return (
    <ListPage
      title="健康体检"
      actions={
        mayWrite && (
          <Button type="primary" onClick={() => creating.show(null)}>
            新建体检项目
          </Button>
        )
      }
      filters={
        <FilterBar list={list}>
          <YearFilter list={list} />
          <SelectFilter
            list={list}
            name="status"
            placeholder="状态"
            width={220}
            options={statusOptions}
            multiple
          />
        </FilterBar>
      }
    >
      <PagedTable<CheckupProgrammeView>
        list={list}
        result={result}
        emptyText="暂无体检项目"
        columns={[
          {
            title: '体检项目',
            dataIndex: 'name',
            render: (name: string, p) => <Link to={`/care/checkups/${p.id}`}>{name}</Link>,
          },
          { title: '年度', dataIndex: 'year' },
          { title: '体检机构', dataIndex: 'provider', render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: CheckupProgrammeView['status']) => <CheckupStatusTag status={s} />,
          },
          { title: '应检人数', key: 'eligible', render: (_, p) => p.counts.eligible },
          { title: '已检人数', key: 'attended', render: (_, p) => p.counts.attended },
          {
            title: '覆盖率',
            key: 'coverage',
            render: (_, p) => (p.status === 'draft' ? '—' : formatRate(p.counts.coverage)),
          },
          ...(seesFollowUp
            ? [
                {
                  title: '需复查',
                  key: 'followUps',
                  render: (_: unknown, p: CheckupProgrammeView) => p.counts.followUps,
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        title="新建体检项目"
        open={creating.open}
        onClose={creating.close}
        schema={checkupProgrammeBody}
        initialValues={initialValues()}
        toBody={toBody}
        onSubmit={async (body) => {
          const res = await api.post<{ data: CheckupProgrammeView }>('/care/checkups', body);
          message.success('已创建体检项目（草稿），请预览名单后发布');
          creating.close();
          await queryClient.invalidateQueries({ queryKey: CHECKUPS_KEY });
          navigate(`/care/checkups/${res.data.id}`);
        }}
      >
        <CheckupFormFields />
      </FormDrawer>
    </ListPage>
  );
}
