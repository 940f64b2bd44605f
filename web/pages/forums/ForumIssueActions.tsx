import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Popconfirm, Radio } from 'antd';
import {
  type ForumIssueView,
  forumIssueAssignBody,
  forumIssueResolveBody,
  RESOLUTION_KIND_LABELS,
} from '../../../common/schemas/forum';
import { rateBody } from '../../../common/schemas/handling';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useDialog } from '../../components/useDialog';
import { AssignFields, RateFields } from '../suggestions/HandlingForms';
import { FORUMS_KEY } from './ForumListPage';

type Dialog = 'resolve' | 'assign' | 'rate';

/** What the union office may do with a problem in its current state. */
export function ForumIssueActions({ issue }: { issue: ForumIssueView }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const dialog = useDialog<Dialog>('resolve');
  const h = issue.handling;

  async function post(path: string, body: unknown, done: string) {
    await api.post(`/forum-issues/${issue.id}/${path}`, body);
    message.success(done);
    dialog.close();
    await qc.invalidateQueries({ queryKey: FORUMS_KEY });
  }

  return (
    <Flex gap={4} wrap>
      {issue.state === 'open' && (
        <Button size="small" onClick={() => dialog.show('resolve')}>
          当场解决
        </Button>
      )}
      {(issue.state === 'open' || h?.state === 'assigned') && (
        <Button size="small" onClick={() => dialog.show('assign')}>
          {h ? '调整交办' : '交办'}
        </Button>
      )}
      {h?.state === 'answered' && (
        <Button size="small" onClick={() => dialog.show('rate')}>
          评价
        </Button>
      )}
      {h?.state === 'rated' && (
        <Popconfirm title="确定办结？" onConfirm={() => post('close', { version: h.version }, '已办结')}>
          <Button size="small">办结</Button>
        </Popconfirm>
      )}
      <FormModal
        title="当场解决"
        open={dialog.open && dialog.subject === 'resolve'}
        onClose={dialog.close}
        schema={forumIssueResolveBody}
        toBody={(v) => ({ ...v, version: issue.version })}
        onSubmit={(body) => post('resolve-on-spot', body, '已记录')}
      >
        <Form.Item name="resolution" label="解决情况" required>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="交办问题"
        open={dialog.open && dialog.subject === 'assign'}
        onClose={dialog.close}
        schema={forumIssueAssignBody}
        initialValues={
          h
            ? {
                resolutionKind: issue.resolutionKind,
                leadDepartmentId: h.leadDepartmentId,
                coDepartmentIds: h.coDepartmentIds,
                dueDate: h.dueDate,
              }
            : { resolutionKind: 'deadline', coDepartmentIds: [] }
        }
        toBody={(v) => ({
          ...v,
          coDepartmentIds: v.coDepartmentIds ?? [],
          version: issue.version,
          handlingVersion: h?.version,
        })}
        onSubmit={(body) => post('assign', body, '已交办')}
      >
        <Form.Item name="resolutionKind" label="处理方式" required>
          <Radio.Group
            options={(['deadline', 'explained'] as const).map((k) => ({
              value: k,
              label: RESOLUTION_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <AssignFields />
      </FormModal>
      <FormModal
        title="记录提出人的评价"
        open={dialog.open && dialog.subject === 'rate'}
        onClose={dialog.close}
        schema={rateBody}
        toBody={(v) => ({ ...v, reason: v.reason || undefined, version: h?.version })}
        onSubmit={(body) => post('rate', body, '已记录')}
      >
        <RateFields />
      </FormModal>
    </Flex>
  );
}
