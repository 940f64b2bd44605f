import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Table, Tag } from 'antd';
import type { Paged } from '../../../../common/schemas/shared';
import {
  type CareEventView,
  careEventDismissBody,
  EVENT_OVERDUE_DAYS,
} from '../../../../common/schemas/visit';
import { api } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { useDialog } from '../../../components/useDialog';
import { VisitFormDrawer, type VisitSubject } from './VisitFormDrawer';

/** Reported events still waiting for a visit, oldest first; overdue ones in red. */
export function EventsWorklist() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const visiting = useDialog<VisitSubject>({});
  const dismissing = useDialog<CareEventView | null>(null);
  const events = useQuery({
    queryKey: ['care', 'events', 'open'],
    queryFn: () => api.get<Paged<CareEventView>>('/care/events?status=open&pageSize=200'),
  });
  return (
    <>
      <Table<CareEventView>
        rowKey="id"
        size="middle"
        loading={events.isFetching}
        dataSource={events.data?.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: events.error ? `加载失败：${events.error.message}` : '没有待慰问的报告事件' }}
        columns={[
          { title: '职工', dataIndex: 'memberName' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '事件', dataIndex: 'kindLabel' },
          {
            title: '发生日期',
            dataIndex: 'eventDate',
            render: (d: string, e) => (
              <>
                {d} {e.overdue && <Tag color="error">逾期（超过{EVENT_OVERDUE_DAYS}天）</Tag>}
              </>
            ),
          },
          { title: '情况说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          { title: '报告人', dataIndex: 'reportedByName' },
          {
            title: '操作',
            key: 'actions',
            render: (_, e) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() =>
                    visiting.show({
                      memberId: e.memberId,
                      memberName: e.memberName,
                      reason: e.kind,
                      eventId: e.id,
                    })
                  }
                >
                  登记慰问
                </Button>
                <Button size="small" onClick={() => dismissing.show(e)}>
                  不予慰问
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <VisitFormDrawer open={visiting.open} onClose={visiting.close} subject={visiting.subject} />
      <FormModal
        title={`不予慰问：${dismissing.subject?.memberName ?? ''}`}
        open={dismissing.open}
        onClose={dismissing.close}
        schema={careEventDismissBody}
        submitText="确定"
        onSubmit={async (body) => {
          await api.post(`/care/events/${dismissing.subject?.id}/dismiss`, body);
          message.success('已处理');
          dismissing.close();
          await queryClient.invalidateQueries({ queryKey: ['care'] });
        }}
      >
        <Form.Item name="reason" label="原因" required>
          <Input.TextArea rows={2} maxLength={200} placeholder="如：当日已出院，已电话慰问" />
        </Form.Item>
      </FormModal>
    </>
  );
}
