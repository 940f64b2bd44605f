import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { yuan } from '../../../../common/schemas/funds';
import { type FestivalRow, type VisitBatchResult, visitBatchBody } from '../../../../common/schemas/visit';
import { api } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { dateStringItem, withoutEmpty } from '../../../forms';
import { toFen, YuanInput } from '../../funds/fundsShared';

/** The next Spring Festival's name: this year's until the end of February, then next year's. */
const defaultFestival = () => `${dayjs().month() >= 2 ? dayjs().year() + 1 : dayjs().year()}春节`;

/** Retirees and hardship households without a visit for the festival; the visits made as one batch. */
export function FestivalWorklist() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [festival, setFestival] = useState(defaultFestival);
  const [typed, setTyped] = useState(festival);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [batching, setBatching] = useState(false);
  const rows = useQuery({
    queryKey: ['care', 'worklists', 'festival', festival],
    queryFn: () =>
      api
        .get<{ data: FestivalRow[] }>(`/care/worklists/festival?festival=${encodeURIComponent(festival)}`)
        .then((r) => r.data),
    enabled: festival.length > 0,
  });
  const data = rows.data ?? [];
  // Everyone on the list is chosen until the officer changes the selection.
  const chosen = selected ?? data.map((r) => r.memberId);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <span>节日</span>
        <Input.Search
          style={{ width: 220 }}
          aria-label="节日"
          placeholder="如 2026春节、2026中秋"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => {
            setFestival(v.trim());
            setSelected(null);
          }}
          enterButton="查询"
        />
        <span>尚未慰问 {data.length} 人</span>
        <Button type="primary" disabled={chosen.length === 0} onClick={() => setBatching(true)}>
          批量登记节日慰问（{chosen.length}人）
        </Button>
      </Flex>
      <Table<FestivalRow>
        rowKey="memberId"
        size="middle"
        loading={rows.isFetching}
        dataSource={data}
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 人` }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{
          emptyText: rows.error ? `加载失败：${rows.error.message}` : '没有待慰问的退休职工和困难职工',
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '科室', dataIndex: 'departmentName' },
          {
            title: '类别',
            key: 'kind',
            render: (_, r) => (
              <>
                {r.retiree && <Tag color="gold">退休职工</Tag>}
                {r.hardship && <Tag color="volcano">困难职工</Tag>}
              </>
            ),
          },
        ]}
      />
      <FormModal
        title={`${festival}慰问：${chosen.length}人`}
        open={batching}
        onClose={() => setBatching(false)}
        intro={<p>所选人员将一次全部登记；任何一人不符合福利标准（如超过年度上限）则整批不登记。</p>}
        schema={visitBatchBody}
        initialValues={{ visitDate: dayjs().format('YYYY-MM-DD') }}
        toBody={(v) => {
          // Typed in 元 under the body's own name, so a refusal lands on the field.
          const { cashFen: cash, ...rest } = withoutEmpty(v);
          return {
            ...rest,
            festival,
            memberIds: chosen,
            cashFen: cash === null || cash === undefined ? undefined : toFen(cash),
          };
        }}
        submitText="全部登记"
        onSubmit={async (body) => {
          const res = await api.post<{ data: VisitBatchResult }>('/care/visits/batch', body);
          message.success(`已登记${res.data.created}人，慰问金合计${yuan(res.data.totalCashFen)}元`);
          setBatching(false);
          setSelected(null);
          await queryClient.invalidateQueries({ queryKey: ['care'] });
        }}
      >
        <Form.Item name="visitDate" label="慰问日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="visitors" label="慰问人" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="gift" label="慰问品">
          <Input maxLength={100} placeholder="不填按福利标准" />
        </Form.Item>
        <Form.Item name="cashFen" label="每人慰问金" extra="不填按福利标准">
          <YuanInput />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
