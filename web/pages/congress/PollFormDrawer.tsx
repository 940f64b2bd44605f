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
  type PollView,
  pollCreateBody,
  pollUpdateBody,
} from '../../../common/schemas/poll';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { withoutEmpty } from '../../forms';
import { useCongressMutation } from './congressQueries';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/**
 * Candidates are typed one name a line. On an edit, a name kept from the poll keeps the member it
 * was linked to (set through the API, carried into a next round); a new name is unlinked.
 */
function toBody(target: { meetingId: string } | { poll: PollView }) {
  const linked = new Map(
    'poll' in target ? target.poll.candidates.filter((c) => !c.writeIn).map((c) => [c.name, c.memberId]) : [],
  );
  return (values: Record<string, unknown>) => {
    const election = values.subject === 'election';
    const names = String(values.candidates ?? '')
      .split(/\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    return withoutEmpty({
      ...values,
      ...('poll' in target ? { version: target.poll.version } : { meetingId: target.meetingId }),
      seats: election ? (values.seats ?? null) : null,
      allowWriteIn: election && !!values.allowWriteIn,
      candidates: election ? names.map((name) => ({ name, memberId: linked.get(name) ?? null })) : [],
    });
  };
}

/** The fields of a poll as the form holds them (candidates one name a line). */
function formValues(p: PollView) {
  return {
    title: p.title,
    subject: p.subject,
    secret: p.secret,
    mode: p.mode,
    base: p.base,
    threshold: p.threshold,
    requiresCheckIn: p.requiresCheckIn,
    seats: p.seats ?? undefined,
    allowWriteIn: p.allowWriteIn,
    candidates: p.candidates
      .filter((c) => !c.writeIn)
      .map((c) => c.name)
      .join('\n'),
  };
}

/** Adds a poll to a meeting, or, given `poll` (a draft), edits it with the version it was read at. */
export function PollFormDrawer({
  meetingId,
  poll,
  open,
  onClose,
}: {
  meetingId: string;
  poll?: PollView;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useCongressMutation((body: unknown) =>
    poll ? api.put(`/polls/${poll.id}`, body) : api.post('/polls', body),
  );
  return (
    <FormDrawer
      title={poll ? '修改表决' : '新增表决'}
      open={open}
      onClose={onClose}
      schema={poll ? pollUpdateBody : pollCreateBody}
      toBody={toBody(poll ? { poll } : { meetingId })}
      initialValues={
        poll
          ? formValues(poll)
          : {
              subject: 'report',
              secret: true,
              mode: 'electronic',
              base: 'fullDelegates',
              threshold: 'moreThanHalf',
              requiresCheckIn: true,
            }
      }
      onSubmit={async (body) => {
        await save.mutateAsync(body);
        message.success(poll ? '表决已修改' : '表决已新增');
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
