import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { MemberView } from '../../../../common/schemas/member';
import type { Paged } from '../../../../common/schemas/shared';
import { api, queryString } from '../../../api';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}

/** Picks one member of the union by name, searching the roster as one types. */
export function MemberSelect({ id, value, onChange }: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['members', 'care-picker', q],
    queryFn: () =>
      api
        .get<Paged<MemberView>>(`/members${queryString({ pageSize: 30, sort: 'name', order: 'asc', q })}`)
        .then((r) => r.data),
    enabled: q.length > 0,
  });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder="输入姓名搜索职工"
      notFoundContent={q ? '没有找到该职工' : '输入姓名搜索'}
      options={(found.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.departmentName}）` }))}
    />
  );
}
