import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { type ReviewNoteView, reviewNoteBody } from '../../../common/schemas/statements';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { dateStringItem } from '../../forms';
import { STATEMENTS_KEY } from '../dues/duesFormat';
import { MonthInput, Toolbar, thisMonth, validMonth, YearPicker } from './statementParts';

/** 审查意见: one note per month by the fund auditors, editable until the month is closed. */
export function ReviewNotesTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canReview = useCan('funds:review');
  const [year, setYear] = useState(new Date().getFullYear());
  const [period, setPeriod] = useState(thisMonth());
  const [editing, setEditing] = useState<{ period: string; note: ReviewNoteView | null } | null>(null);
  const { data, isLoading } = useQuery({
    queryKey: [...STATEMENTS_KEY, 'notes', year],
    queryFn: () =>
      api.get<{ data: ReviewNoteView[] }>(`/statements/review-notes?year=${year}`).then((r) => r.data),
  });
  function openFor(p: string) {
    setEditing({ period: p, note: data?.find((n) => n.period === p) ?? null });
  }
  return (
    <>
      <Toolbar>
        <YearPicker value={year} onChange={setYear} />
        {canReview && (
          <>
            <MonthInput label="审查月份" value={period} onChange={setPeriod} />
            <Button type="primary" disabled={!validMonth(period)} onClick={() => openFor(period)}>
              填写审查意见
            </Button>
          </>
        )}
      </Toolbar>
      <Table<ReviewNoteView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '期间', dataIndex: 'period' },
          { title: '审查日期', dataIndex: 'reviewedOn' },
          { title: '审查意见', dataIndex: 'opinion' },
          { title: '发现的问题', dataIndex: 'findings' },
          { title: '填写人', dataIndex: 'authorName' },
          {
            title: '状态',
            dataIndex: 'locked',
            render: (locked: boolean, r) =>
              locked ? (
                <Tag>已结账锁定</Tag>
              ) : canReview ? (
                <Button type="link" size="small" onClick={() => setEditing({ period: r.period, note: r })}>
                  修改
                </Button>
              ) : (
                <Tag color="green">可修改</Tag>
              ),
          },
        ]}
      />
      <FormModal
        title={editing ? `${editing.period} 审查意见` : ''}
        open={!!editing}
        onClose={() => setEditing(null)}
        schema={reviewNoteBody}
        initialValues={editing?.note ?? undefined}
        toBody={(v) => ({
          opinion: v.opinion ?? '',
          findings: v.findings || null,
          reviewedOn: v.reviewedOn,
          version: editing?.note?.version,
        })}
        onSubmit={async (body) => {
          await api.put(`/statements/review-notes/${editing!.period}`, body);
          message.success('已保存');
          setEditing(null);
          queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
        }}
      >
        <Form.Item name="opinion" label="审查意见" required>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="findings" label="发现的问题">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="reviewedOn" label="审查日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
