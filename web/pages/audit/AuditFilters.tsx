import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { AUDIT_ACTION_LABELS } from '../../../common/schemas/audit';

type Values = Record<string, string | undefined>;

const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** The audit log's filter bar; every value lives in the URL. */
export function AuditFilters({
  values,
  onChange,
  onReset,
}: {
  values: Values;
  onChange: (patch: Values) => void;
  onReset: () => void;
}) {
  return (
    <Flex wrap gap={8}>
      <Select
        value={values.action}
        onChange={(v) => onChange({ action: v })}
        placeholder="操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        options={actionOptions}
        style={{ width: 200 }}
      />
      <Input.Search
        key={values.actor ?? ''}
        defaultValue={values.actor}
        placeholder="操作人"
        aria-label="操作人"
        allowClear
        onSearch={(v) => onChange({ actor: v.trim() || undefined })}
        style={{ width: 200 }}
      />
      <Select
        value={values.result}
        onChange={(v) => onChange({ result: v })}
        placeholder="结果"
        allowClear
        options={[
          { value: 'success', label: '成功' },
          { value: 'failure', label: '失败' },
        ]}
        style={{ width: 120 }}
      />
      <DatePicker.RangePicker
        value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
        onChange={(range) =>
          onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
        }
        placeholder={['开始日期', '结束日期']}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <Button onClick={onReset}>重置</Button>
    </Flex>
  );
}
