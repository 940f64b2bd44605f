import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import type { AidNoticeView } from '../../../../common/schemas/aid';
import { AID_KIND_LABELS } from '../../../../common/schemas/care';
import { yuan } from '../../../../common/schemas/funds';
import { api } from '../../../api';
import { AID_KEY } from './aidShared';

/** 救助公示: the cases on public notice today, with the name's first character only. */
export default function AidNoticesPage() {
  const { data, isFetching } = useQuery({
    queryKey: [...AID_KEY, 'notices'],
    queryFn: () => api.get<{ data: AidNoticeView[] }>('/care/aid/notices').then((r) => r.data),
  });
  return (
    <Card title="救助公示">
      <p style={{ color: '#666' }}>公示期内如有异议，请向工会反映。</p>
      <Table<AidNoticeView>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '目前没有公示中的救助' }}
        columns={[
          { title: '姓名', dataIndex: 'maskedName' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '救助类型', dataIndex: 'kind', render: (_, r) => AID_KIND_LABELS[r.kind] },
          { title: '救助金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          { title: '公示期', key: 'period', render: (_, r) => `${r.noticeFrom} 至 ${r.noticeUntil}` },
        ]}
      />
    </Card>
  );
}
