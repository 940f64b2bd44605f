import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type AidCaseRow, type AidCaseView, aidCaseCreateBody } from '../../../../common/schemas/aid';
import { AID_KIND_LABELS } from '../../../../common/schemas/care';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan, useMe } from '../../../access';
import { api, queryString } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { FilterBar, SearchFilter, SelectFilter, YearFilter } from '../../../components/ListFilters';
import { ListPage } from '../../../components/ListPage';
import { PagedTable } from '../../../components/PagedTable';
import { useListParams } from '../../../useListParams';
import { AidApplyFields, toApplyBody } from './AidApplyForm';
import { AID_KEY, AidStateTag, amountText, kindOptions, stateOptions } from './aidShared';

/** 救助申请: a member's own cases, a group leader's departments', every case for officers. */
export default function AidListPage() {
  const list = useListParams();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const officer = useCan('care:write');
  const reporter = useCan('care:report');
  const forOthers = officer || reporter;
  const mayExport = useCan('care:read');
  const [applying, setApplying] = useState(false);
  const { params } = list;
  const filters = { kind: params.kind, state: params.state, year: params.year, q: params.q };
  const query = queryString({ page: list.page, pageSize: list.pageSize, ...filters });
  const result = useQuery({
    queryKey: [...AID_KEY, 'list', query],
    queryFn: () => api.get<Paged<AidCaseRow>>(`/care/aid${query}`),
  });
  const mayApply = forOthers || me.memberId !== null;
  return (
    <ListPage
      title="救助申请"
      actions={
        <Flex gap={8}>
          {mayExport && (
            <Button icon={<DownloadOutlined />} href={`/api/care/aid/export${queryString(filters)}`} download>
              导出Excel
            </Button>
          )}
          <Link to="/care/aid/notices">
            <Button>救助公示</Button>
          </Link>
          {mayApply && (
            <Button type="primary" onClick={() => setApplying(true)}>
              申请救助
            </Button>
          )}
        </Flex>
      }
      filters={
        <FilterBar list={list}>
          <SearchFilter list={list} placeholder="职工姓名" />
          <SelectFilter list={list} name="kind" placeholder="救助类型" width={120} options={kindOptions} />
          <SelectFilter
            list={list}
            name="state"
            placeholder="状态"
            width={240}
            options={stateOptions}
            multiple
          />
          <YearFilter list={list} />
        </FilterBar>
      }
    >
      {!mayApply && (
        <Alert
          type="info"
          showIcon
          title="您的账户尚未关联会员档案，暂不能申请救助。"
          style={{ marginBottom: 12 }}
        />
      )}
      <PagedTable<AidCaseRow>
        list={list}
        result={{ data: result.data, isFetching: result.isFetching, error: result.error }}
        emptyText="暂无救助申请"
        columns={[
          {
            title: '申请人',
            dataIndex: 'memberName',
            render: (name: string, r) => <Link to={`/care/aid/${r.id}`}>{name}</Link>,
          },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '救助类型', dataIndex: 'kind', render: (_, r) => AID_KIND_LABELS[r.kind] },
          { title: '申请日期', dataIndex: 'appliedOn' },
          {
            title: '申请金额',
            dataIndex: 'amountAskedFen',
            align: 'right',
            render: (_, r) => amountText(r.amountAskedFen),
          },
          {
            title: '核定金额',
            dataIndex: 'amountGrantedFen',
            align: 'right',
            render: (_, r) =>
              r.amountAskedFen === null
                ? '***'
                : r.amountGrantedFen === null
                  ? '—'
                  : amountText(r.amountGrantedFen),
          },
          { title: '状态', dataIndex: 'state', render: (_, r) => <AidStateTag state={r.state} /> },
        ]}
      />
      <FormDrawer
        title="申请救助"
        open={applying}
        onClose={() => setApplying(false)}
        schema={aidCaseCreateBody}
        toBody={(v) => toApplyBody(v, forOthers ? null : me.memberId)}
        submitText="提交申请"
        onSubmit={async (body) => {
          const created = await api.post<{ data: AidCaseView }>('/care/aid', body);
          setApplying(false);
          message.success('申请已提交，请在详情页上传申请材料');
          await queryClient.invalidateQueries({ queryKey: AID_KEY });
          navigate(`/care/aid/${created.data.id}`);
        }}
      >
        <AidApplyFields forOthers={forOthers} />
      </FormDrawer>
    </ListPage>
  );
}
