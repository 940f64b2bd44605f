import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import type { MemberView } from '../../../common/schemas/member';
import type { Paged } from '../../../common/schemas/shared';
import { api } from '../../api';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
}

/** Picks members of the union (in good standing) by name, searching the roster as one types. */
export function MemberPicker({ value, onChange }: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () =>
      api
        .get<Paged<MemberView>>(
          `/members?status=member&pageSize=50&sort=name&order=asc&q=${encodeURIComponent(q)}`,
        )
        .then((r) => r.data),
  });
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder="输入姓名搜索会员"
      options={(found.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.departmentName}）` }))}
    />
  );
}
