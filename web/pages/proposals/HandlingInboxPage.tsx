import { Button, DatePicker, Form, Input, Segmented, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import {
  answerBody,
  HANDLING_STATE_LABELS,
  HANDLING_STATES,
  type HandlingItemView,
} from '../../../common/schemas/handling';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { useDialog } from '../../components/useDialog';
import { dateStringItem } from '../../forms';
import { labelOptions } from '../../options';
import { useListParams } from '../../useListParams';
import { HandlingPanel } from './HandlingPanel';
import { SatisfactionTag } from './ProposalTags';
import { useHandlingItem, useInbox, useRefreshProposals } from './proposalQueries';

const SUBJECT_LABELS: Record<string, string> = {
  proposalTopic: '提案',
  suggestion: '合理化建议',
  forumIssue: '座谈会问题',
};

/** 承办事项: what the user's departments must answer (a handler) or every department's items (the committee). */
export default function HandlingInboxPage() {
  const list = useListParams();
  const canAnswer = useCan('proposal:handle');
  const refresh = useRefreshProposals();
  const answering = useDialog<HandlingItemView | null>(null);
  const query = { due: list.params.due, state: list.params.state, page: list.page, pageSize: list.pageSize };
  const { data, isFetching } = useInbox(query);
  const detail = useHandlingItem(answering.subject?.id);

  return (
    <ListPage
      title="承办事项"
      filters={
        <>
          <Segmented
            value={list.params.due ?? ''}
            onChange={(v) => list.setFilters({ due: String(v) || undefined })}
            options={[
              { value: '', label: '全部' },
              { value: 'dueSoon', label: '即将到期' },
              { value: 'overdue', label: '已逾期' },
            ]}
          />{' '}
          <Select
            allowClear
            placeholder="办理状态"
            style={{ width: 140 }}
            value={list.params.state}
            onChange={(v) => list.setFilters({ state: v })}
            options={labelOptions(HANDLING_STATE_LABELS, HANDLING_STATES)}
          />
        </>
      }
    >
      <div data-testid="inbox-table">
        <Table<HandlingItemView>
          rowKey="id"
          dataSource={data?.data}
          loading={isFetching}
          pagination={list.pagination(data?.page.total)}
          columns={[
            {
              title: '类型',
              dataIndex: 'subjectType',
              width: 100,
              render: (v: string) => SUBJECT_LABELS[v] ?? v,
            },
            { title: '事项', dataIndex: 'title', render: (v: string, r) => <Link to={r.link}>{v}</Link> },
            { title: '主办部门', dataIndex: 'leadDepartmentName', width: 120 },
            {
              title: '协办部门',
              dataIndex: 'coDepartmentNames',
              render: (v: string[]) => v.join('、') || '—',
            },
            {
              title: '期限',
              dataIndex: 'dueDate',
              width: 170,
              render: (v: string, r) => (
                <>
                  {v} {r.overdue && <Tag color="error">逾期</Tag>}
                  {r.dueSoon && <Tag color="warning">即将到期</Tag>}
                </>
              ),
            },
            {
              title: '状态',
              dataIndex: 'state',
              width: 120,
              render: (v: HandlingItemView['state'], r) => (
                <>
                  {HANDLING_STATE_LABELS[v]} {r.round > 1 && <Tag>重办</Tag>}
                </>
              ),
            },
            {
              title: '满意度',
              dataIndex: 'satisfaction',
              width: 90,
              render: (v) => <SatisfactionTag value={v} />,
            },
            {
              title: '操作',
              width: 90,
              render: (_, r) =>
                canAnswer && r.state === 'assigned' ? (
                  <Button size="small" type="link" onClick={() => answering.show(r)}>
                    答复
                  </Button>
                ) : null,
            },
          ]}
        />
      </div>
      <FormModal
        title={`答复：${answering.subject?.title ?? ''}`}
        open={answering.open}
        onClose={answering.close}
        schema={answerBody}
        initialValues={{ doneOn: dayjs().format('YYYY-MM-DD') }}
        toBody={(v) => ({ ...v, version: detail.data?.version ?? answering.subject?.version })}
        submitText="提交答复"
        intro={detail.data?.reopenReason && <HandlingPanel item={detail.data} />}
        onSubmit={async (body) => {
          await api.post(`/handling/items/${answering.subject?.id}/answer`, body);
          await refresh();
          answering.close();
        }}
      >
        <Form.Item name="content" label="办理情况" required>
          <Input.TextArea rows={5} maxLength={4000} />
        </Form.Item>
        <Form.Item name="doneOn" label="办理日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
