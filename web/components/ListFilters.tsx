import { Button, Flex, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { recentYears } from '../options';
import type { ListParams } from '../useListParams';

/** A list screen's filter bar: its filters, then 重置, which clears them all. */
export function FilterBar({ list, children }: { list: ListParams; children: ReactNode }) {
  return (
    <Flex gap={8} wrap align="center">
      {children}
      <Button onClick={list.clear}>重置</Button>
    </Flex>
  );
}

/** Free-text search, kept in the URL as `q`. */
export function SearchFilter({ list, placeholder }: { list: ListParams; placeholder: string }) {
  return (
    <Input.Search
      placeholder={placeholder}
      allowClear
      defaultValue={list.params.q}
      onSearch={(q) => list.setFilters({ q })}
      style={{ width: 200 }}
    />
  );
}

interface SelectFilterProps {
  list: ListParams;
  /** The URL param it sets. */
  name: string;
  placeholder: string;
  options: { value: string; label: string }[];
  width: number;
}

/** A clearable choice kept in the URL as one param. */
export function SelectFilter({ list, name, placeholder, options, width }: SelectFilterProps) {
  return (
    <Select
      placeholder={placeholder}
      allowClear
      value={list.params[name]}
      options={options}
      onChange={(value) => list.setFilters({ [name]: value })}
      style={{ width }}
    />
  );
}

/** The year (this one and the nine before), kept in the URL as `year`. */
export function YearFilter({ list }: { list: ListParams }) {
  return (
    <Select
      placeholder="年份"
      allowClear
      value={list.params.year ? Number(list.params.year) : undefined}
      options={recentYears()}
      onChange={(year) => list.setFilters({ year })}
      style={{ width: 110 }}
    />
  );
}
