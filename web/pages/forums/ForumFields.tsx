import { DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import { FORUM_KIND_LABELS, FORUM_KINDS } from '../../../common/schemas/forum';
import { dateStringItem } from '../../forms';

export function ForumFields() {
  return (
    <>
      <Form.Item name="kind" label="类型" required>
        <Radio.Group options={FORUM_KINDS.map((k) => ({ value: k, label: FORUM_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="title" label="座谈会名称" required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="date" label="召开日期" required {...dateStringItem}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label="地点">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="participantCount" label="参加人数" required>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="participants" label="参加人员">
        <Input.TextArea rows={2} maxLength={1000} placeholder="如：临床一线职工代表20人" />
      </Form.Item>
      <Form.Item name="notes" label="备注">
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
    </>
  );
}
