import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType, Tag } from 'antd';
import { ROLE_LABELS, type Role } from '../../../common/permissions';
import { AUDIT_ACTION_LABELS, type AuditView } from '../../../common/schemas/audit';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';
import { ListPage } from '../../components/ListPage';
import { formatDateTime } from '../../format';
import { useListParams } from '../../useListParams';
import { AuditFilters } from './AuditFilters';

const FILTER_KEYS = ['action', 'actor', 'result', 'from', 'to'] as const;

const OBJECT_LABELS: Record<string, string> = {
  member: '会员',
  user: '用户',
  department: '科室',
  unionGroup: '工会小组',
  importJob: '导入任务',
  proposal: '提案',
};

const roleNames = (roles: string) =>
  roles
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((r) => ROLE_LABELS[r as Role] ?? r)
    .join('、') || '—';

const columns: TableColumnsType<AuditView> = [
  { title: '时间', dataIndex: 'at', render: formatDateTime, width: 170 },
  { title: '操作人', dataIndex: 'actorName', render: (v) => v ?? '—' },
  { title: '角色', dataIndex: 'roles', render: roleNames },
  { title: '操作', dataIndex: 'action', render: (a: string) => AUDIT_ACTION_LABELS[a] ?? a },
  {
    title: '对象',
    key: 'object',
    render: (_, r) =>
      r.objectType ? `${OBJECT_LABELS[r.objectType] ?? r.objectType} ${r.objectId?.slice(0, 8) ?? ''}` : '—',
  },
  {
    title: '结果',
    dataIndex: 'result',
    render: (r: AuditView['result']) =>
      r === 'success' ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>,
  },
  { title: 'IP', dataIndex: 'ip', render: (v) => v ?? '—' },
];

/** 审计日志: who did what and when, filtered in the URL; each row's details open below it. */
export default function AuditPage() {
  const list = useListParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, list.params[k]]));
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const { data, isFetching, error } = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<Paged<AuditView>>(`/audit${queryString(query)}`),
    placeholderData: keepPreviousData,
  });

  return (
    <ListPage
      title="审计日志"
      filters={<AuditFilters values={filters} onChange={list.setFilters} onReset={list.clear} />}
    >
      <div data-testid="audit-table">
        <Table<AuditView>
          rowKey="id"
          columns={columns}
          dataSource={data?.data}
          loading={isFetching}
          pagination={list.pagination(data?.page.total)}
          scroll={{ x: 'max-content' }}
          expandable={{
            rowExpandable: (r) => r.detail !== null,
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(r.detail, null, 2)}
              </pre>
            ),
          }}
          locale={error ? { emptyText: `加载失败：${error.message}` } : undefined}
        />
      </div>
    </ListPage>
  );
}
