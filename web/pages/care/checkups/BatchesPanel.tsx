import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
} from 'antd';
import {
  type CheckupBatchView,
  type CheckupProgrammeView,
  checkupAssignBody,
  checkupBatchBody,
} from '../../../../common/schemas/checkup';
import { useCan } from '../../../access';
import { api } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { FormModal } from '../../../components/FormModal';
import { useDialog } from '../../../components/useDialog';
import { dateStringItem } from '../../../forms';
import { CHECKUPS_KEY } from './checkupShared';

/** The days and places the checkup centre receives people, and whole departments put into them. */
export function BatchesPanel({ programme: p }: { programme: CheckupProgrammeView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write') && p.status !== 'closed';
  const editing = useDialog<CheckupBatchView | null>(null);
  const assigning = useDialog<string | undefined>(undefined);
  const {
    data = [],
    isFetching,
    error,
  } = useQuery({
    queryKey: [...CHECKUPS_KEY, 'batches', p.id],
    queryFn: () =>
      api.get<{ data: CheckupBatchView[] }>(`/care/checkups/${p.id}/batches`).then((r) => r.data),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: CHECKUPS_KEY });
  async function remove(b: CheckupBatchView) {
    try {
      await api.del(`/care/checkups/${p.id}/batches/${b.id}`);
      message.success('已删除批次，其人员回到未安排');
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Flex vertical gap={12}>
      {mayWrite && (
        <Flex gap={8}>
          <Button type="primary" onClick={() => editing.show(null)}>
            新增批次
          </Button>
          {p.status === 'published' && data.length > 0 && (
            <Button onClick={() => assigning.show(undefined)}>按科室安排</Button>
          )}
        </Flex>
      )}
      <Table<CheckupBatchView>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: error ? `加载失败：${error.message}` : '暂无批次' }}
        columns={[
          { title: '体检日期', dataIndex: 'date' },
          { title: '时段', dataIndex: 'timeSlot' },
          { title: '地点', dataIndex: 'place' },
          { title: '容量', dataIndex: 'capacity' },
          { title: '已安排', dataIndex: 'assigned' },
          { title: '已体检', dataIndex: 'attended' },
          ...(mayWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, b: CheckupBatchView) => (
                    <Flex gap={4}>
                      {p.status === 'published' && (
                        <Button size="small" type="link" onClick={() => assigning.show(b.id)}>
                          安排人员
                        </Button>
                      )}
                      <Button size="small" type="link" onClick={() => editing.show(b)}>
                        修改
                      </Button>
                      <Popconfirm title="删除该批次？已安排的人员将回到未安排" onConfirm={() => remove(b)}>
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title={editing.subject ? '修改批次' : '新增批次'}
        open={editing.open}
        onClose={editing.close}
        schema={checkupBatchBody}
        initialValues={editing.subject ?? { timeSlot: '上午 7:30-10:00', capacity: 50 }}
        onSubmit={async (body) => {
          const b = editing.subject;
          if (b) await api.put(`/care/checkups/${p.id}/batches/${b.id}`, body);
          else await api.post(`/care/checkups/${p.id}/batches`, body);
          message.success('已保存批次');
          editing.close();
          await refresh();
        }}
      >
        <Form.Item name="date" label="体检日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="timeSlot" label="时段" required>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="place" label="地点" required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="capacity" label="容量（人）" required>
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="安排体检批次"
        open={assigning.open}
        onClose={assigning.close}
        schema={checkupAssignBody}
        initialValues={{ batchId: assigning.subject, departmentIds: [], onlyUnassigned: true }}
        onSubmit={async (body) => {
          const res = await api.post<{ data: { assigned: number } }>(`/care/checkups/${p.id}/assign`, body);
          message.success(`已安排 ${res.data.assigned} 人`);
          assigning.close();
          await refresh();
        }}
      >
        <Form.Item name="batchId" label="批次" required>
          <Select
            options={data.map((b) => ({ value: b.id, label: `${b.label}（${b.assigned}/${b.capacity}）` }))}
          />
        </Form.Item>
        <Form.Item name="departmentIds" label="科室" required extra="可选多个科室；只安排所选科室本身的人员">
          <DepartmentTreeSelect multiple />
        </Form.Item>
        <Form.Item name="onlyUnassigned" valuePropName="checked">
          <Checkbox>只安排尚未安排批次的人员</Checkbox>
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
