import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import {
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  MEMBERSHIP_STATUS_LABELS,
  MEMBERSHIP_STATUSES,
} from '../../../common/enums';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect';
import { labelOptions } from '../../options';
import { useUnionGroups } from '../../queries';

type Values = Record<string, string | undefined>;

interface Props {
  values: Values;
  onChange: (patch: Values) => void;
  onReset: () => void;
}

const width = { width: 180 };

/** The roster's filter bar; every value lives in the URL. */
export function MemberFilters({ values, onChange, onReset }: Props) {
  const { data: groups = [] } = useUnionGroups();
  return (
    <Flex wrap gap={8}>
      <Input.Search
        key={values.q ?? ''}
        defaultValue={values.q}
        placeholder="姓名 / 会员证号 / 手机号"
        aria-label="搜索"
        allowClear
        enterButton="搜索"
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 300, maxWidth: '100%' }}
      />
      <DepartmentTreeSelect
        value={values.departmentId}
        onChange={(v) => onChange({ departmentId: v })}
        placeholder="科室"
        aria-label="科室"
        style={width}
      />
      <Select
        value={values.unionGroupId}
        onChange={(v) => onChange({ unionGroupId: v })}
        placeholder="工会小组"
        aria-label="工会小组"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={groups.map((g) => ({ value: g.id, label: g.name }))}
        style={width}
      />
      <Select
        value={values.employmentType}
        onChange={(v) => onChange({ employmentType: v })}
        placeholder="用工形式"
        aria-label="用工形式"
        allowClear
        options={labelOptions(EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES)}
        style={width}
      />
      <Select
        value={values.status}
        onChange={(v) => onChange({ status: v })}
        placeholder="会籍状态"
        aria-label="会籍状态"
        allowClear
        options={labelOptions(MEMBERSHIP_STATUS_LABELS, MEMBERSHIP_STATUSES)}
        style={width}
      />
      <DatePicker
        picker="year"
        value={values.joinedYear ? dayjs(`${values.joinedYear}-01-01`) : null}
        onChange={(d) => onChange({ joinedYear: d ? String(d.year()) : undefined })}
        placeholder="入会年份"
        aria-label="入会年份"
        style={width}
      />
      <Button onClick={onReset}>重置</Button>
    </Flex>
  );
}
