import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BirthdayRow } from '../../../../common/schemas/visit';
import { api, queryString } from '../../../api';
import { useDialog } from '../../../components/useDialog';
import { VisitFormDrawer, type VisitSubject } from './VisitFormDrawer';

/** Members whose birthday falls in the month, who already had a birthday visit, and the cards to print. */
export function BirthdaysWorklist() {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [selected, setSelected] = useState<string[]>([]);
  const visiting = useDialog<VisitSubject>({});
  const rows = useQuery({
    queryKey: ['care', 'worklists', 'birthdays', month],
    queryFn: () =>
      api.get<{ data: BirthdayRow[] }>(`/care/worklists/birthdays?month=${month}`).then((r) => r.data),
  });
  const cardsUrl = `/api/care/worklists/birthdays/cards${queryString({
    month,
    memberIds: selected.length ? selected.join(',') : undefined,
  })}`;
  const data = rows.data ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => {
            if (d) setMonth(d.format('YYYY-MM'));
            setSelected([]);
          }}
        />
        <span>
          本月生日 {data.length} 人，已慰问 {data.filter((r) => r.visitId).length} 人
        </span>
        <Button href={cardsUrl} disabled={data.length === 0}>
          {selected.length ? `下载所选贺卡（${selected.length}张）` : '下载本月生日贺卡'}
        </Button>
      </Flex>
      <Table<BirthdayRow>
        rowKey="memberId"
        size="middle"
        loading={rows.isFetching}
        dataSource={data}
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 人` }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: rows.error ? `加载失败：${rows.error.message}` : '本月没有过生日的会员' }}
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
