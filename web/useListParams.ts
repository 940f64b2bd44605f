// A list screen keeps its filters, sort and page in the URL, so a reload or a shared link shows the same rows.
import { useSearchParams } from 'react-router';

type Patch = Record<string, string | number | undefined | null>;

/** What a list screen's filters, search and table read and write. */
export type ListParams = ReturnType<typeof useListParams>;

export function useListParams(defaultPageSize = 20) {
  const [search, setSearch] = useSearchParams();
  const params = Object.fromEntries(search) as Record<string, string | undefined>;
  const page = Number(search.get('page')) || 1;
  const pageSize = Number(search.get('pageSize')) || defaultPageSize;

  // react-router hands the updater the params of the last render, so one event must make one update.
  function update(patch: Patch, keepPage = false) {
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!keepPage) next.delete('page');
      return next;
    });
  }

  return {
    params,
    page,
    pageSize,
    /** Changing a filter starts again at page 1. */
    setFilters: (patch: Patch) => update(patch),
    /** Clears the filters; the tab (which list of the page) is not a filter and stays. */
    clear: () =>
      setSearch((prev) => {
        const tab = prev.get('tab');
        return new URLSearchParams(tab ? { tab } : {});
      }),
    pagination: (total: number | undefined) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      showTotal: (t: number) => `共 ${t} 条`,
      onChange: (p: number, size: number) =>
        update(
          {
            page: size === pageSize && p > 1 ? p : undefined,
            pageSize: size === defaultPageSize ? undefined : size,
          },
          true,
        ),
    }),
  };
}
