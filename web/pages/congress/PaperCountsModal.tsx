import { App, Form, Input, InputNumber, Modal } from 'antd';
import type { PollView } from '../../../common/schemas/poll';
import { api } from '../../api';
import { useCongressMutation } from './congressQueries';

const num = { min: 0, precision: 0, style: { width: '100%' } } as const;

/** "姓名 票数" a line → write-ins with their votes. */
function parseWriteIns(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.+?)\s+(\d+)$/.exec(l);
      return { name: m ? m[1] : l, votes: m ? Number(m[2]) : 0 };
    });
}

/** The tellers (计票人) enter the counts of a paper poll. */
export function PaperCountsModal({ poll, onClose }: { poll: PollView; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useCongressMutation((body: unknown) => api.put(`/polls/${poll.id}/paper-counts`, body));
  const election = poll.subject === 'election';

  async function submit() {
    const v = form.getFieldsValue();
    const body = election
      ? {
          ballots: v.ballots,
          invalid: v.invalid ?? 0,
          votes: poll.candidates
            .filter((c) => !c.writeIn)
            .map((c) => ({ candidateId: c.id, votes: v[`c_${c.id}`] ?? 0 })),
          writeIns: parseWriteIns(v.writeIns),
        }
      : { for: v.for, against: v.against, abstain: v.abstain, invalid: v.invalid ?? 0 };
    try {
      await save.mutateAsync(body);
      message.success('计票结果已录入');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Modal
      open
      title={`录入计票结果：${poll.title}`}
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {election ? (
          <>
            <Form.Item name="ballots" label="有效票">
              <InputNumber {...num} />
            </Form.Item>
            {poll.candidates
              .filter((c) => !c.writeIn)
              .map((c) => (
                <Form.Item key={c.id} name={`c_${c.id}`} label={`${c.name} 得票`}>
                  <InputNumber {...num} />
                </Form.Item>
              ))}
            {poll.allowWriteIn && (
              <Form.Item name="writeIns" label="另选他人（每行“姓名 票数”）">
                <Input.TextArea rows={3} />
              </Form.Item>
            )}
          </>
        ) : (
          <>
            <Form.Item name="for" label="赞成">
              <InputNumber {...num} />
            </Form.Item>
            <Form.Item name="against" label="反对">
              <InputNumber {...num} />
            </Form.Item>
            <Form.Item name="abstain" label="弃权">
              <InputNumber {...num} />
            </Form.Item>
          </>
        )}
        <Form.Item name="invalid" label="废票">
          <InputNumber {...num} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
