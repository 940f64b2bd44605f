import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Paged } from '../../../../common/schemas/shared';
import {
  CARE_EVENT_STATUS_LABELS,
  type CareEventStatus,
  type CareEventView,
  careEventCreateBody,
} from '../../../../common/schemas/visit';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { FilterBar, SelectFilter } from '../../../components/ListFilters';
import { ListPage } from '../../../components/ListPage';
import { PagedTable } from '../../../components/PagedTable';
import { dateStringItem } from '../../../forms';
import { useListParams } from '../../../useListParams';
import { MemberSelect } from '../hardship/MemberSelect';
import { reasonOptions } from './visitsShared';

const STATUS_COLORS: Record<CareEventStatus, 'processing' | 'success' | 'default'> = {
  open: 'processing',
  visited: 'success',
  dismissed: 'default',
};

/** 事件报告: a group leader tells the officers what happened in their departments, and sees what became of it. */
export default function EventsPage() {
  const list = useListParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayReport = useCan('care:report');
  const [reporting, setReporting] = useState(false);
  const query = queryString({ page: list.page, pageSize: list.pageSize, status: list.params.status });
  const result = useQuery({
    queryKey: ['care', 'events', 'list', query],
    queryFn: () => api.get<Paged<CareEventView>>(`/care/events${query}`),
  });
  return (
    <ListPage
      title="事件报告"
      actions={
        mayReport && (
          <Button type="primary" onClick={() => setReporting(true)}>
            报告事件
          </Button>
        )
      }
      filters={
        <FilterBar list={list}>
          <SelectFilter
            list={list}
            name="status"
            placeholder="状态"
            width={120}
            options={Object.entries(CARE_EVENT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </FilterBar>
      }
    >
      <PagedTable<CareEventView>
        list={list}
        result={{ data: result.data, isFetching: result.isFetching, error: result.error }}
        emptyText="暂无报告"
        columns={[
          { title: '职工', dataIndex: 'memberName' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '事件', dataIndex: 'kindLabel' },
          { title: '发生日期', dataIndex: 'eventDate' },
          { title: '情况说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          { title: '报告人', dataIndex: 'reportedByName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: CareEventStatus, e) => (
              <>
                <Badge status={STATUS_COLORS[s]} text={CARE_EVENT_STATUS_LABELS[s]} />
                {e.dismissReason ? `（${e.dismissReason}）` : ''}
              </>
            ),
          },
        ]}
      />
      <FormDrawer
        title="报告事件"
        open={reporting}
        onClose={() => setReporting(false)}
        schema={careEventCreateBody}
        initialValues={{ eventDate: dayjs().format('YYYY-MM-DD') }}
        submitText="报告"
        onSubmit={async (body) => {
          await api.post('/care/events', body);
          message.success('已报告，工会将安排慰问');
          setReporting(false);
          await queryClient.invalidateQueries({ queryKey: ['care'] });
        }}
      >
        <Form.Item name="memberId" label="职工" required>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="kind" label="事件类型" required>
          <Select options={reasonOptions.filter((o) => o.value !== 'holiday' && o.value !== 'birthday')} />
        </Form.Item>
        <Form.Item name="eventDate" label="发生日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="情况说明">
          <Input.TextArea rows={3} maxLength={300} placeholder="如：因急性阑尾炎住院，在本院普外科" />
        </Form.Item>
      </FormDrawer>
    </ListPage>
  );
}
