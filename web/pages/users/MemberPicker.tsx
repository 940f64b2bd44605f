import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { MemberOption } from '../../../common/schemas/user';
import { api, queryString } from '../../api';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The account being edited, whose linked member must show by name before any search. */
  initial?: { memberId: string | null };
}

/** Picks the member record behind an account by name; shows name and department only. */
export function MemberPicker({ value, onChange, initial }: Props) {
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['users', 'member-options', q],
    queryFn: () => api.get<{ data: MemberOption[] }>(`/users/member-options${queryString({ q })}`),
    enabled: q.length > 0,
  });
  const linked = useQuery({
    queryKey: ['users', 'member-options', 'id', initial?.memberId],
    queryFn: () =>
      api.get<{ data: MemberOption[] }>(`/users/member-options${queryString({ id: initial?.memberId })}`),
    enabled: !!initial?.memberId,
  });
  const options = [...(linked.data?.data ?? []), ...(search.data?.data ?? [])]
    .filter((m, i, all) => all.findIndex((o) => o.id === m.id) === i)
    .map((m) => ({ value: m.id, label: `${m.name}（${m.departmentName}）` }));
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={search.isFetching}
      placeholder="输入姓名搜索会员"
      notFoundContent={q ? '没有找到该会员' : '输入姓名搜索'}
    />
  );
}
