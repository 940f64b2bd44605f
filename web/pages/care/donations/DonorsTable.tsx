import { useQuery } from '@tanstack/react-query';
import type { DonorRow } from '../../../../common/schemas/donation';
import { yuan } from '../../../../common/schemas/funds';
import type { Paged } from '../../../../common/schemas/shared';
import { api, queryString } from '../../../api';
import { PagedTable } from '../../../components/PagedTable';
import type { ListParams } from '../../../useListParams';
import { DONATIONS_KEY } from './donationsShared';

/** 捐款人: who gave to the drives the filters choose, each once, the largest givers first. */
export function DonorsTable({ list }: { list: ListParams }) {
  const query = queryString({
    year: list.params.year,
    status: list.params.status,
    page: list.page,
    pageSize: list.pageSize,
  });
  const result = useQuery({
    queryKey: [...DONATIONS_KEY, 'donors', query],
    queryFn: () => api.get<Paged<DonorRow>>(`/care/donations/donors${query}`),
  });
  return (
    <PagedTable<DonorRow>
      list={list}
      result={result}
      emptyText="暂无捐款人"
      columns={[
        { title: '捐款人', dataIndex: 'name', render: (n: string, d) => (d.memberId ? n : `${n}（非会员）`) },
        { title: '科室', dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
        { title: '捐款活动', dataIndex: 'drives', align: 'right' },
        { title: '笔数', dataIndex: 'count', align: 'right' },
        { title: '金额（元）', dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
      ]}
    />
  );
}
