import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Paged } from '../../../../common/schemas/shared';
import { VISIT_STATUS_LABELS, type VisitView, visitCancelBody } from '../../../../common/schemas/visit';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { FormModal } from '../../../components/FormModal';
import { FilterBar, SearchFilter, SelectFilter } from '../../../components/ListFilters';
import { ListPage } from '../../../components/ListPage';
import { PagedTable } from '../../../components/PagedTable';
import { useDialog } from '../../../components/useDialog';
import { useListParams } from '../../../useListParams';
import { VisitFormDrawer } from './VisitFormDrawer';
import { CashText, reasonOptions, VISITS_KEY, VisitStatusTag } from './visitsShared';

/** 慰问记录: every visit, filtered by occasion, department, dates and festival; group leaders see their departments. */
export default function VisitsPage() {
  const list = useListParams();
  const { params } = list;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const [creating, setCreating] = useState(false);
  const cancelling = useDialog<VisitView | null>(null);
  const query = queryString({
    page: list.page,
    pageSize: list.pageSize,
    reason: params.reason,
    departmentId: params.departmentId,
    memberId: params.memberId,
    from: params.from,
    to: params.to,
    festival: params.q,
    status: params.status,
  });
  const result = useQuery({
    queryKey: [...VISITS_KEY, 'list', query],
    queryFn: () => api.get<Paged<VisitView>>(`/care/visits${query}`),
  });
  return (
    <ListPage
      title="慰问记录"
      actions={
        mayWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记慰问
          </Button>
        )
      }
      filters={
        <FilterBar list={list}>
          <SelectFilter
            list={list}
            name="reason"
            placeholder="慰问事由"
            width={150}
            options={reasonOptions}
          />
          <DepartmentTreeSelect
            value={params.departmentId}
            onChange={(departmentId) => list.setFilters({ departmentId })}
            style={{ width: 200 }}
          />
          <DatePicker.RangePicker
            value={params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null}
            onChange={(r) =>
              list.setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })
            }
          />
          <SearchFilter list={list} placeholder="节日，如 2026春节" />
          <SelectFilter
            list={list}
            name="status"
            placeholder="状态"
            width={110}
            options={Object.entries(VISIT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </FilterBar>
      }
    >
      <PagedTable<VisitView>
        list={list}
        result={{ data: result.data, isFetching: result.isFetching, error: result.error }}
        emptyText="暂无慰问记录"
        columns={[
          { title: '慰问对象', dataIndex: 'memberName' },
          { title: '科室', dataIndex: 'departmentName' },
          {
            title: '事由',
            dataIndex: 'reasonLabel',
            render: (label: string, v) => (v.festival ? `${label}（${v.festival}）` : label),
          },
          { title: '日期', dataIndex: 'visitDate' },
          { title: '慰问人', dataIndex: 'visitors' },
          { title: '慰问品', dataIndex: 'gift', render: (g: string | null) => g ?? '—' },
          { title: '慰问金', dataIndex: 'cashFen', render: (fen: number | null) => <CashText fen={fen} /> },
          { title: '状态', dataIndex: 'status', render: (_, v) => <VisitStatusTag v={v} /> },
          ...(mayWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, v: VisitView) =>
                    v.status === 'done' && (
                      <Button size="small" type="link" danger onClick={() => cancelling.show(v)}>
                        取消
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <VisitFormDrawer open={creating} onClose={() => setCreating(false)} subject={{}} />
      <FormModal
        title={`取消慰问：${cancelling.subject?.memberName ?? ''}`}
        open={cancelling.open}
        onClose={cancelling.close}
        intro={cancelling.subject?.cashFen ? <p>已入账的慰问金将红字冲销。</p> : null}
        schema={visitCancelBody}
        initialValues={{ version: cancelling.subject?.version }}
        toBody={(v) => ({ ...v, version: cancelling.subject?.version })}
        submitText="确认取消"
        onSubmit={async (body) => {
          await api.post(`/care/visits/${cancelling.subject?.id}/cancel`, body);
          message.success('慰问记录已取消');
          cancelling.close();
          await queryClient.invalidateQueries({ queryKey: ['care'] });
        }}
      >
        <Form.Item name="reason" label="取消原因" required>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
