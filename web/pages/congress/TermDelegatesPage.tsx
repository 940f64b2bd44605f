import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  DELEGATE_KIND_LABELS,
  DELEGATE_KINDS,
  type DelegateKind,
  delegateAddBody,
} from '../../../common/schemas/congress';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { ListPage } from '../../components/ListPage';
import { useCongressMutation, useDelegates, useTerm } from './congressQueries';
import { MemberPicker } from './MemberPicker';

const KIND_OPTIONS = DELEGATE_KINDS.map((k) => ({ value: k, label: DELEGATE_KIND_LABELS[k] }));

/** The delegates of one term, by delegation (代表团). */
export default function TermDelegatesPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const manage = useCan('congress:manage');
  const term = useTerm(id);
  const delegates = useDelegates(id);
  const [adding, setAdding] = useState(false);
  const add = useCongressMutation((body: unknown) =>
    api.post<{ data: { added: number; skipped: number } }>(`/congress/terms/${id}/delegates`, body),
  );
  const update = useCongressMutation(
    (v: { delegateId: string; kind: DelegateKind; delegation: string | null }) =>
      api.put(`/congress/terms/${id}/delegates/${v.delegateId}`, { kind: v.kind, delegation: v.delegation }),
  );
  const remove = useCongressMutation((delegateId: string) =>
    api.del(`/congress/terms/${id}/delegates/${delegateId}`),
  );
  const fail = (e: unknown) => message.error((e as Error).message);

  return (
    <ListPage
      title={`${term.data?.name ?? ''} 代表名单（${delegates.data?.length ?? 0}人）`}
      actions={
        manage && (
          <>
            <Button icon={<DownloadOutlined />} href={`/api/congress/terms/${id}/delegates/export`} download>
              导出名单
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              添加代表
            </Button>
          </>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={delegates.isLoading}
        dataSource={delegates.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '代表团', dataIndex: 'delegation', render: (d: string | null) => d ?? '—' },
          { title: '姓名', dataIndex: 'name' },
          { title: '科室', dataIndex: 'departmentName' },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 140,
            render: (k: DelegateKind, d) =>
              manage ? (
                <Select
                  size="small"
                  value={k}
                  options={KIND_OPTIONS}
                  style={{ width: 120 }}
                  onChange={(kind) =>
                    update.mutateAsync({ delegateId: d.id, kind, delegation: d.delegation }).catch(fail)
                  }
                />
              ) : (
                DELEGATE_KIND_LABELS[k]
              ),
          },
          ...(manage
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 80,
                  render: (_: unknown, d: { id: string; name: string }) => (
                    <Popconfirm
                      title={`移除代表${d.name}？`}
                      onConfirm={() => remove.mutateAsync(d.id).catch(fail)}
                    >
                      <Button type="link" size="small" danger>
                        移除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        title="添加代表"
        open={adding}
        onClose={() => setAdding(false)}
        schema={delegateAddBody}
        initialValues={{ kind: 'full' }}
        onSubmit={async (body) => {
          const r = await add.mutateAsync(body);
          message.success(`已添加${r.data.added}人${r.data.skipped ? `，${r.data.skipped}人已是代表` : ''}`);
          setAdding(false);
        }}
      >
        <Form.Item name="memberIds" label="会员" required>
          <MemberPicker />
        </Form.Item>
        <Form.Item name="kind" label="代表类别" required>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="delegation" label="代表团" extra="如“内科代表团”">
          <Input />
        </Form.Item>
      </FormDrawer>
    </ListPage>
  );
}
