import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table } from 'antd';
import { GENDER_LABELS } from '../../../../common/enums';
import type { CheckupPersonView, CheckupPreview } from '../../../../common/schemas/checkup';
import { api } from '../../../api';
import { CHECKUPS_KEY } from './checkupShared';

/** Who the draft's rules select today: the count and the first rows. */
export function PreviewPanel({ programmeId }: { programmeId: string }) {
  const { data, isFetching, error } = useQuery({
    queryKey: [...CHECKUPS_KEY, 'preview', programmeId],
    queryFn: () =>
      api.get<{ data: CheckupPreview }>(`/care/checkups/${programmeId}/preview`).then((r) => r.data),
  });
  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        message={
          data
            ? `按当前条件共有 ${data.count} 人符合体检条件（下表为前 ${data.rows.length} 人）。发布时名单将按当时的花名册固定。`
            : '正在计算符合条件的人员…'
        }
      />
      <Table<CheckupPersonView>
        rowKey="memberId"
        size="small"
        loading={isFetching}
        dataSource={data?.rows}
        pagination={false}
        locale={{ emptyText: error ? `加载失败：${error.message}` : '没有符合条件的人员' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '性别',
            dataIndex: 'gender',
            render: (g: CheckupPersonView['gender']) => GENDER_LABELS[g],
          },
          { title: '年龄', dataIndex: 'age' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '加项', dataIndex: 'extraItems', render: (i: string[]) => i.join('、') || '—' },
        ]}
      />
    </Flex>
  );
}
