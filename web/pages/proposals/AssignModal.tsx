import { DatePicker, Form, Select } from 'antd';
import { proposalAssignBody } from '../../../common/schemas/proposal';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { dateStringItem } from '../../forms';
import { useDepartments } from '../../queries';
import { useRefreshProposals } from './proposalQueries';

interface Props {
  open: boolean;
  onClose: () => void;
  /** `/proposals/<id>/assign` or `/proposal-topics/<id>/assign`. */
  url: string;
  /** Set when the item is already assigned: a reassignment carries its version and current values. */
  current?: { leadDepartmentId: string; coDepartmentIds: string[]; dueDate: string; version: number } | null;
}

/** 交办: the lead department (主办), co-handling departments (协办) and the due date. */
export function AssignModal({ open, onClose, url, current }: Props) {
  const departments = useDepartments();
  const refresh = useRefreshProposals();
  const options = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <FormModal
      title={current ? '调整交办' : '交办'}
      open={open}
      onClose={onClose}
      schema={proposalAssignBody}
      initialValues={current ?? { coDepartmentIds: [] }}
      toBody={(v) => ({ ...v, coDepartmentIds: v.coDepartmentIds ?? [], version: current?.version })}
      submitText="交办"
      onSubmit={async (body) => {
        await api.post(url, body);
        await refresh();
        onClose();
      }}
    >
      <Form.Item name="leadDepartmentId" label="主办部门" required>
        <Select showSearch optionFilterProp="label" options={options} placeholder="选择主办部门" />
      </Form.Item>
      <Form.Item name="coDepartmentIds" label="协办部门">
        <Select mode="multiple" showSearch optionFilterProp="label" options={options} placeholder="可选" />
      </Form.Item>
      <Form.Item name="dueDate" label="办理期限" required {...dateStringItem}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
