import { Table, type TableProps } from 'antd';
import type { Paged } from '../../common/schemas/shared';
import type { ListParams } from '../useListParams';

interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'locale'> {
  list: ListParams;
  /** The page's query: its rows, whether it is loading, and why it failed. */
  result: { data?: Paged<T>; isFetching: boolean; error: Error | null };
  /** Shown when the page has no rows. */
  emptyText: string;
}

/** One page of a server-paged list: page and size in the URL, a load failure shown in place of the rows. */
export function PagedTable<T extends { id: string }>({
  list,
  result,
  emptyText,
  ...table
}: PagedTableProps<T>) {
  const { data, isFetching, error } = result;
  return (
    <Table<T>
      rowKey="id"
      dataSource={data?.data}
      loading={isFetching}
      pagination={list.pagination(data?.page.total)}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: error ? `加载失败：${error.message}` : emptyText }}
      {...table}
    />
  );
}
