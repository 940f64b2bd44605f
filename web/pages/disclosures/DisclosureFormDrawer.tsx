import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import {
  type DisclosureView,
  disclosureCreateBody,
  disclosureUpdateBody,
} from '../../../common/schemas/disclosure';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { dateStringItem } from '../../forms';
import { DISCLOSURES_KEY, toOptions, useDisclosureSettings } from './disclosureQueries';

/** Registers a new item (a draft) or edits a draft. */
export function DisclosureFormDrawer({
  open,
  onClose,
  editing,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  editing?: DisclosureView;
  onSaved?: (d: DisclosureView) => void;
}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data: settings } = useDisclosureSettings();
  const initial = editing ?? { date: dayjs().format('YYYY-MM-DD') };
  return (
    <FormDrawer
      title={editing ? '修改公开事项' : '登记公开事项'}
      open={open}
      onClose={onClose}
      schema={editing ? disclosureUpdateBody : disclosureCreateBody}
      initialValues={initial}
      toBody={(v) => (editing ? { ...v, version: editing.version } : v)}
      onSubmit={async (body) => {
        const res = editing
          ? await api.put<{ data: DisclosureView }>(`/disclosures/${editing.id}`, body)
          : await api.post<{ data: DisclosureView }>('/disclosures', body);
        await qc.invalidateQueries({ queryKey: DISCLOSURES_KEY });
        message.success(editing ? '已保存' : '已登记为草稿');
        onClose();
        onSaved?.(res.data);
      }}
    >
      <Form.Item name="title" label="标题" required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label="公开类别" required>
        <Select options={toOptions(settings?.categories)} placeholder="选择类别" />
      </Form.Item>
      <Form.Item name="channel" label="公开渠道" required>
        <Select options={toOptions(settings?.channels)} placeholder="选择渠道" />
      </Form.Item>
      <Form.Item name="date" label="公开日期" required {...dateStringItem}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="content" label="公开内容">
        <Input.TextArea rows={8} maxLength={20000} />
      </Form.Item>
    </FormDrawer>
  );
}
