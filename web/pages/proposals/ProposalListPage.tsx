import { DownloadOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Table, type TableColumnsType, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SATISFACTION_LABELS, SATISFACTIONS } from '../../../common/schemas/handling';
import {
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
  type ProposalListItem,
} from '../../../common/schemas/proposal';
import { useCan } from '../../access';
import { queryString } from '../../api';
import { ListPage } from '../../components/ListPage';
import { labelOptions } from '../../options';
import { useDepartments } from '../../queries';
import { useListParams } from '../../useListParams';
import { useMeetings } from '../congress/congressQueries';
import { ProposalFormDrawer } from './ProposalFormDrawer';
import { ProposalStateTag, SatisfactionTag } from './ProposalTags';
import { useCosignRequests, useProposals } from './proposalQueries';

const FILTER_KEYS = [
  'year',
  'meetingId',
  'state',
  'departmentId',
  'satisfaction',
  'overdue',
  'q',
  'mine',
] as const;

export const proposalColumns: TableColumnsType<ProposalListItem> = [
  { title: '编号', dataIndex: 'number', width: 130, render: (v: string | null) => v ?? '—' },
  {
    title: '案由',
    dataIndex: 'title',
    render: (v: string, r) => <Link to={`/proposals/${r.id}`}>{v}</Link>,
  },
  { title: '类别', dataIndex: 'category', width: 100 },
  { title: '提案人', dataIndex: 'proposerName', width: 100 },
  {
    title: '状态',
    dataIndex: 'state',
    width: 150,
    render: (_: unknown, r) => <ProposalStateTag state={r.state} overdue={r.overdue} />,
  },
  {
    title: '并案/办理事项',
    dataIndex: 'topicTitle',
    render: (v: string | null, r) =>
      v && r.topicId ? <Link to={`/proposals/topics/${r.topicId}`}>{v}</Link> : '—',
  },
  { title: '主办部门', dataIndex: 'leadDepartmentName', width: 120, render: (v: string | null) => v ?? '—' },
  { title: '办理期限', dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
  {
    title: '满意度',
    dataIndex: 'satisfaction',
    width: 100,
    render: (v: ProposalListItem['satisfaction']) => <SatisfactionTag value={v} />,
  },
];

/** 提案: every proposal the user may see, filtered by the URL (the year's figures link here). */
export default function ProposalListPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const canSubmit = useCan('proposal:submit');
  const canManage = useCan('proposal:manage');
  const canMeetings = useCan('congress:read');
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState('all');
  const meetings = useMeetings();
  const departments = useDepartments();
  const cosign = useCosignRequests(canSubmit);

  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, list.params[k]]));
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const { data, isFetching } = useProposals(query);
  const meetingId = list.params.meetingId;

  const filterBar = (
    <Flex gap={8} wrap>
      <InputNumber
        placeholder="年度"
        value={filters.year ? Number(filters.year) : null}
        onChange={(v) => list.setFilters({ year: v ?? undefined })}
        min={2000}
        max={2100}
      />
      {canMeetings && (
        <Select
          allowClear
          placeholder="会议"
          style={{ width: 240 }}
          value={meetingId}
          onChange={(v) => list.setFilters({ meetingId: v })}
          options={(meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
        />
      )}
      <Select
        allowClear
        placeholder="状态"
        style={{ width: 120 }}
        value={filters.state}
        onChange={(v) => list.setFilters({ state: v })}
        options={labelOptions(PROPOSAL_STATE_LABELS, PROPOSAL_STATES)}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="承办部门"
        style={{ width: 160 }}
        value={filters.departmentId}
        onChange={(v) => list.setFilters({ departmentId: v })}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
      />
      <Select
        allowClear
        placeholder="满意度"
        style={{ width: 120 }}
        value={filters.satisfaction}
        onChange={(v) => list.setFilters({ satisfaction: v })}
        options={labelOptions(SATISFACTION_LABELS, SATISFACTIONS)}
      />
      <Checkbox
        checked={filters.overdue === '1'}
        onChange={(e) => list.setFilters({ overdue: e.target.checked ? '1' : undefined })}
      >
        只看逾期
      </Checkbox>
      {canSubmit && (
        <Checkbox
          checked={filters.mine === '1'}
          onChange={(e) => list.setFilters({ mine: e.target.checked ? '1' : undefined })}
        >
          我的提案
        </Checkbox>
      )}
      <Input.Search
        allowClear
        placeholder="案由或编号"
        style={{ width: 200 }}
        defaultValue={filters.q}
        onSearch={(v) => list.setFilters({ q: v })}
      />
      <Button onClick={list.clear}>重置</Button>
    </Flex>
  );

  const table = (
    <div data-testid="proposals-table">
      <Table<ProposalListItem>
        rowKey="id"
        columns={proposalColumns}
        dataSource={data?.data}
        loading={isFetching}
        pagination={list.pagination(data?.page.total)}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );

  return (
    <ListPage
      title="提案"
      actions={
        <>
          {canSubmit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建提案
            </Button>
          )}
          {canManage && (
            <Button
              icon={<MergeCellsOutlined />}
              onClick={() => navigate(`/proposals/topics${queryString({ meetingId })}`)}
            >
              并案与交办
            </Button>
          )}
          {canManage && meetingId && (
            <>
              <Button
                icon={<DownloadOutlined />}
                href={`/api/proposals/export/compilation?meetingId=${meetingId}`}
                download
              >
                提案汇编
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={`/api/proposals/export/report?meetingId=${meetingId}&format=docx`}
                download
              >
                办理情况报告(Word)
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={`/api/proposals/export/report?meetingId=${meetingId}&format=xlsx`}
                download
              >
                办理情况报告(Excel)
              </Button>
            </>
          )}
        </>
      }
      filters={filterBar}
    >
      {canSubmit ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'all', label: '全部提案', children: table },
            {
              key: 'cosign',
              label: `待我附议（${cosign.data?.length ?? 0}）`,
              children: (
                <Table<ProposalListItem>
                  rowKey="id"
                  columns={proposalColumns}
                  dataSource={cosign.data}
                  loading={cosign.isFetching}
                  pagination={false}
                />
              ),
            },
          ]}
        />
      ) : (
        table
      )}
      <ProposalFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => navigate(`/proposals/${id}`)}
      />
    </ListPage>
  );
}
