import { App, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import {
  POLL_BASE_LABELS,
  POLL_BASES,
  POLL_MODE_LABELS,
  POLL_MODES,
  POLL_SUBJECT_LABELS,
  POLL_SUBJECTS,
  POLL_THRESHOLD_LABELS,
  POLL_THRESHOLDS,
  pollCreateBody,
} from '../../../common/schemas/poll';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { withoutEmpty } from '../../forms';
import { useCongressMutation } from './congressQueries';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** Candidates are typed one name a line. */
function toBody(meetingId: string) {
  return (values: Record<string, unknown>) => {
    const election = values.subject === 'election';
    const names = String(values.candidates ?? '')
      .split(/\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    return withoutEmpty({
      ...values,
      meetingId,
      seats: election ? (values.seats ?? null) : null,
      allowWriteIn: election && !!values.allowWriteIn,
      candidates: election ? names.map((name) => ({ name })) : [],
    });
  };
}

export function PollFormDrawer({
  meetingId,
  open,
  onClose,
}: {
  meetingId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const create = useCongressMutation((body: unknown) => api.post('/polls', body));
  return (
    <FormDrawer
      title="新增表决"
      open={open}
      onClose={onClose}
      schema={pollCreateBody}
      toBody={toBody(meetingId)}
      initialValues={{
        subject: 'report',
        secret: true,
        mode: 'electronic',
        base: 'fullDelegates',
        threshold: 'moreThanHalf',
        requiresCheckIn: true,
      }}
      onSubmit={async (body) => {
        await create.mutateAsync(body);
        message.success('表决已新增');
        onClose();
      }}
    >
      <Form.Item name="title" label="表决事项" required>
        <Input placeholder="如：院长工作报告" />
      </Form.Item>
      <Form.Item name="subject" label="类别" required>
        <Radio.Group options={options(POLL_SUBJECTS, POLL_SUBJECT_LABELS)} />
      </Form.Item>
      <Form.Item name="mode" label="投票方式" required>
        <Radio.Group options={options(POLL_MODES, POLL_MODE_LABELS)} />
      </Form.Item>
      <Form.Item name="secret" label="无记名投票" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="base" label="计票基数" extra="通过所需票数按此人数计算">
        <Select options={options(POLL_BASES, POLL_BASE_LABELS)} />
      </Form.Item>
      <Form.Item name="threshold" label="通过比例">
        <Select options={options(POLL_THRESHOLDS, POLL_THRESHOLD_LABELS)} />
      </Form.Item>
      <Form.Item name="requiresCheckIn" label="签到后方可电子投票" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.subject !== b.subject}>
        {({ getFieldValue }) =>
          getFieldValue('subject') === 'election' && (
            <>
              <Form.Item name="seats" label="应选人数" required>
                <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="candidates"
                label="候选人（每行一人）"
                required
                extra="候选人多于应选人数即为差额选举"
              >
                <Input.TextArea rows={5} />
              </Form.Item>
              <Form.Item name="allowWriteIn" label="允许另选他人" valuePropName="checked">
                <Switch />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
    </FormDrawer>
  );
}
