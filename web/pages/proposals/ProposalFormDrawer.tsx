import { Form, Input, Select } from 'antd';
import { type ProposalView, proposalCreateBody, proposalUpdateBody } from '../../../common/schemas/proposal';
import { useMe } from '../../access';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { useDelegates, useMeetings } from '../congress/congressQueries';
import { useRefreshProposals, useWindow } from './proposalQueries';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The draft to edit; a new proposal when absent. */
  proposal?: ProposalView;
  onSaved?: (id: string) => void;
}

/** Category and co-signer choices follow the chosen meeting: its window's categories and its term's delegates. */
function MeetingFields({ fixedMeetingId }: { fixedMeetingId?: string }) {
  const form = Form.useFormInstance();
  const me = useMe();
  const meetings = useMeetings();
  const meetingId = Form.useWatch('meetingId', form) ?? fixedMeetingId;
  const meeting = meetings.data?.find((m) => m.id === meetingId);
  const window = useWindow(meetingId);
  const delegates = useDelegates(meeting?.termId ?? '');
  return (
    <>
      {!fixedMeetingId && (
        <Form.Item name="meetingId" label="会议" required>
          <Select
            placeholder="选择职代会会议"
            options={(meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
            onChange={() => form.setFieldsValue({ category: undefined, cosignerMemberIds: [] })}
          />
        </Form.Item>
      )}
      {window.data && (
        <Form.Item label="征集期">
          {window.data.opensOn} 至 {window.data.closesOn}，至少 {window.data.minCosigners} 名代表附议
          {!window.data.open && '（当前不在征集期内）'}
        </Form.Item>
      )}
      <Form.Item name="category" label="类别" required>
        <Select
          placeholder="选择类别"
          options={(window.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
        />
      </Form.Item>
      <Form.Item name="cosignerMemberIds" label="附议人">
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          placeholder="选择本届职工代表"
          disabled={!meeting}
          options={(delegates.data ?? [])
            .filter((d) => d.memberId !== me.memberId)
            .map((d) => ({ value: d.memberId, label: `${d.name}（${d.departmentName}）` }))}
        />
      </Form.Item>
    </>
  );
}

/** 新建提案 / 修改草稿 */
export function ProposalFormDrawer({ open, onClose, proposal, onSaved }: Props) {
  const refresh = useRefreshProposals();
  const editing = !!proposal;
  return (
    <FormDrawer
      title={editing ? '修改提案' : '新建提案'}
      open={open}
      onClose={onClose}
      schema={editing ? proposalUpdateBody : proposalCreateBody}
      initialValues={
        proposal
          ? {
              title: proposal.title,
              reasons: proposal.reasons,
              measures: proposal.measures,
              category: proposal.category,
              cosignerMemberIds: proposal.cosigners.map((c) => c.memberId),
            }
          : { cosignerMemberIds: [] }
      }
      toBody={(v) => (proposal ? { ...v, version: proposal.version } : v)}
      submitText="保存草稿"
      onSubmit={async (body) => {
        const res = proposal
          ? await api.put<{ data: ProposalView }>(`/proposals/${proposal.id}`, body)
          : await api.post<{ data: ProposalView }>('/proposals', body);
        await refresh();
        onClose();
        onSaved?.(res.data.id);
      }}
    >
      <MeetingFields fixedMeetingId={proposal?.meetingId} />
      <Form.Item name="title" label="案由" required>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="reasons" label="提案理由" required>
        <Input.TextArea rows={5} maxLength={4000} />
      </Form.Item>
      <Form.Item name="measures" label="建议措施" required>
        <Input.TextArea rows={5} maxLength={4000} />
      </Form.Item>
    </FormDrawer>
  );
}
