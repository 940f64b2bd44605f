import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type {
  DuesImportCommitResult,
  DuesImportPreview,
  DuesImportProblem,
  DuesImportSampleRow,
} from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';
import { api } from '../../api';
import { formatBp } from './duesFormat';

interface Props {
  preview: DuesImportPreview;
  onDone: (result: DuesImportCommitResult) => void;
  onRestart: () => void;
}

const problemColumns = [
  { title: '行', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 120 },
  { title: '问题', dataIndex: 'message' },
];

const sampleColumns = [
  { title: '行', dataIndex: 'row', width: 70 },
  { title: '姓名', dataIndex: 'memberName' },
  { title: '会员证号', dataIndex: 'memberNo' },
  { title: '科室', dataIndex: 'departmentName' },
  { title: '缴费基数（元）', dataIndex: 'baseSalaryFen', align: 'right' as const, render: yuan },
  { title: '代扣会费（元）', dataIndex: 'amountFen', align: 'right' as const, render: yuan },
  {
    title: '应扣（元）',
    dataIndex: 'expectedFen',
    align: 'right' as const,
    render: (v: number, r: DuesImportSampleRow) =>
      r.flagged ? <Tag color="orange">{yuan(v)}</Tag> : yuan(v),
  },
];

const problemKey = (p: DuesImportProblem) => `${p.row}-${p.column}-${p.message}`;

/** Step 2: problems block the import; deductions off the rate are flagged but may be imported. */
export function DuesImportPreviewStep({ preview, onDone, onRestart }: Props) {
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = preview.problemCount > 0;

  async function commit() {
    setCommitting(true);
    setError(null);
    try {
      const { data } = await api.post<{ data: DuesImportCommitResult }>(`/dues/import/${preview.id}/commit`);
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
        {`文件「${preview.fileName}」：月份 ${preview.month ?? '—'}，共${preview.total}行，已识别${preview.matched}人，` +
          `代扣合计 ${yuan(preview.totalFen)} 元（按费率 ${formatBp(preview.rateBp)} 应扣 ${yuan(preview.expectedFen)} 元）`}
      </Typography.Text>
      {preview.existing && (
        <Alert
          type="warning"
          showIcon
          title={`该月已导入 ${preview.existing.rowCount} 人、${yuan(preview.existing.totalFen)} 元；确认后将替换原记录并冲销原会费收入`}
        />
      )}
      {blocked ? (
        <>
          <Alert
            type="error"
            showIcon
            title={`文件中有 ${preview.problemCount} 处问题，本次不能导入`}
            description="请按下表修改文件后重新上传；全部问题解决前不会写入任何记录。"
          />
          <Table<DuesImportProblem>
            data-testid="dues-problems-table"
            rowKey={problemKey}
            size="small"
            columns={problemColumns}
            dataSource={preview.problems}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </>
      ) : (
        <Alert type="success" showIcon title="检查通过，确认后将写入代扣记录并登记会费收入。" />
      )}
      {preview.warningCount > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={`${preview.warningCount} 行代扣金额与缴费基数×费率不符（相差超过1分），导入后将被标记以便核对`}
          />
          <Table<DuesImportProblem>
            rowKey={problemKey}
            size="small"
            columns={problemColumns}
            dataSource={preview.warnings}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </>
      )}
      {!blocked && (
        <Table<DuesImportSampleRow>
          rowKey="row"
          size="small"
          columns={sampleColumns}
          dataSource={preview.sample}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
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
