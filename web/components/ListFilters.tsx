import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
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
  /** Several values at once, kept comma-separated (`state=approved,noticed,paid`). */
  multiple?: boolean;
}

/** A clearable choice kept in the URL as one param. */
export function SelectFilter({ list, name, placeholder, options, width, multiple }: SelectFilterProps) {
  const value = list.params[name];
  return (
    <Select
      placeholder={placeholder}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? (value ? value.split(',') : []) : value}
      options={options}
      onChange={(v: string | string[] | undefined) =>
        list.setFilters({ [name]: Array.isArray(v) ? v.join(',') : v })
      }
      style={{ width }}
    />
  );
}

/**
 * A year (this one and the nine before), kept in the URL as `year` or as `name`; a `label` says which
 * year it is (建档年度) and stays shown beside the chosen year.
 */
export function YearFilter({
  list,
  name = 'year',
  label,
  width = 110,
}: {
  list: ListParams;
  name?: string;
  label?: string;
  width?: number;
}) {
  return (
    <Select
      placeholder="年份"
      prefix={label}
      allowClear
      value={list.params[name] ? Number(list.params[name]) : undefined}
      options={recentYears()}
      onChange={(year) => list.setFilters({ [name]: year })}
      style={{ width }}
    />
  );
}

/** A day, kept in the URL as `name` (YYYY-MM-DD), shown after its label. */
export function DateFilter({ list, name, label }: { list: ListParams; name: string; label: string }) {
  const value = list.params[name];
  return (
    <DatePicker
      prefix={label}
      placeholder="选择日期"
      allowClear
      value={value && dayjs(value).isValid() ? dayjs(value) : null}
      onChange={(d) => list.setFilters({ [name]: d ? d.format('YYYY-MM-DD') : undefined })}
    />
  );
}
