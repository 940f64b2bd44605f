import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportPreview, ImportProblem } from '../../../../common/schemas/member';
import { api } from '../../../api';

export interface ImportResult {
  created: number;
  updated: number;
}

interface Props {
  preview: ImportPreview;
  onDone: (result: ImportResult) => void;
  onRestart: () => void;
}

const problemColumns = [
  { title: '行', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 140 },
  { title: '问题', dataIndex: 'message' },
];

const sampleColumns = [
  { title: '行', dataIndex: 'row', width: 80 },
  { title: '姓名', dataIndex: 'name' },
  { title: '身份证号', dataIndex: 'idNumberMasked' },
  { title: '科室', dataIndex: 'departmentName' },
  {
    title: '操作',
    dataIndex: 'action',
    render: (a: 'create' | 'update') =>
      a === 'create' ? <Tag color="green">新增</Tag> : <Tag color="blue">更新</Tag>,
  },
];

/** Step 2: what the file would do. With problems nothing can be imported; otherwise 确认导入 writes it. */
export function ImportPreviewStep({ preview, onDone, onRestart }: Props) {
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = preview.problems.length > 0;

  async function commit() {
    setCommitting(true);
    setError(null);
    try {
      const { data } = await api.post<{ data: ImportResult }>(`/members/import/${preview.id}/commit`);
      onDone(data);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setCommitting(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text>
        {`文件「${preview.fileName}」：共${preview.total}行，新增${preview.toCreate}条，更新${preview.toUpdate}条`}
      </Typography.Text>
      {blocked ? (
        <>
          <Alert
            type="error"
            showIcon
            title={`文件中有 ${preview.problems.length} 处问题，本次不能导入`}
            description="请按下表修改文件后重新上传；全部问题解决前不会写入任何记录。"
          />
          <Table<ImportProblem>
            data-testid="import-problems-table"
            rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
            size="small"
            columns={problemColumns}
            dataSource={preview.problems}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        </>
      ) : (
        <>
          <Alert type="success" showIcon title="检查通过，以下为部分预览；确认后将写入会员名册。" />
          <Table
            rowKey="row"
            size="small"
            columns={sampleColumns}
            dataSource={preview.sample}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={8} wrap>
        <Button onClick={onRestart}>重新上传</Button>
        <Button type="primary" disabled={blocked} loading={committing} onClick={commit}>
          确认导入
        </Button>
      </Flex>
    </Flex>
  );
}
