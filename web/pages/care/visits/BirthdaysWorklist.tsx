import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Segmented, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BirthdayPage, BirthdayRow } from '../../../../common/schemas/visit';
import { api, queryString } from '../../../api';
import { useDialog } from '../../../components/useDialog';
import { VisitFormDrawer, type VisitSubject } from './VisitFormDrawer';

type Visited = 'all' | 'no' | 'yes';
const EMPTY: Record<Visited, string> = {
  all: '本月没有过生日的会员',
  no: '本月过生日的会员均已慰问',
  yes: '本月还没有生日慰问',
};

/**
 * Members whose birthday falls in the month, a page at a time, who already had a birthday visit, and
 * the cards to print (the month's, or those chosen on any page).
 */
export function BirthdaysWorklist({ initialVisited = 'all' }: { initialVisited?: Visited }) {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [visited, setVisited] = useState<Visited>(initialVisited);
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const visiting = useDialog<VisitSubject>({});
  const query = queryString({ month, visited: visited === 'all' ? undefined : visited, ...paging });
  const rows = useQuery({
    queryKey: ['care', 'worklists', 'birthdays', query],
    queryFn: () => api.get<BirthdayPage>(`/care/worklists/birthdays${query}`),
  });
  const cardsUrl = `/api/care/worklists/birthdays/cards${queryString({
    month,
    memberIds: selected.length ? selected.join(',') : undefined,
  })}`;
  const data = rows.data?.data ?? [];
  const counts = rows.data?.counts;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => {
            if (d) setMonth(d.format('YYYY-MM'));
            setPaging((p) => ({ ...p, page: 1 }));
            setSelected([]);
          }}
        />
        <Segmented<Visited>
          value={visited}
          onChange={(v) => {
            setVisited(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'no', label: '未慰问' },
            { value: 'yes', label: '已慰问' },
          ]}
        />
        {counts && (
          <span>
            本月生日 {counts.total} 人，已慰问 {counts.visited} 人
          </span>
        )}
        <Button href={cardsUrl} disabled={!counts?.total}>
          {selected.length ? `下载所选贺卡（${selected.length}张）` : '下载本月生日贺卡'}
        </Button>
      </Flex>
      <Table<BirthdayRow>
        rowKey="memberId"
        size="middle"
        loading={rows.isFetching}
        dataSource={data}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: rows.data?.page.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200],
          showTotal: (t) => `共 ${t} 人`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        rowSelection={{
          selectedRowKeys: selected,
          // The cards may be chosen across pages.
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as string[]),
        }}
        locale={{ emptyText: rows.error ? `加载失败：${rows.error.message}` : EMPTY[visited] }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '生日', dataIndex: 'birthDate', render: (d: string) => d.slice(5) },
          {
            title: '本年生日慰问',
            dataIndex: 'visitDate',
            render: (d: string | null) => (d ? <Tag color="success">已慰问 {d}</Tag> : <Tag>未慰问</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, r) =>
              !r.visitId && (
                <Button
                  size="small"
                  type="link"
                  onClick={() =>
                    visiting.show({ memberId: r.memberId, memberName: r.name, reason: 'birthday' })
                  }
                >
                  登记慰问
                </Button>
              ),
          },
        ]}
      />
      <VisitFormDrawer open={visiting.open} onClose={visiting.close} subject={visiting.subject} />
    </Flex>
  );
}
