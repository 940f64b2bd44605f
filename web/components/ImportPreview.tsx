import { Alert, Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../api';

/** One thing wrong with a row of the file, by row and column. */
export interface ImportProblemRow {
  row: number;
  column: string;
  message: string;
}

const problemColumns = [
  { title: '行', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 140 },
  { title: '问题', dataIndex: 'message' },
];

/** The file's problems (or warnings), one line each. */
export function ImportProblemTable({
  problems,
  pageSize,
  testId,
}: {
  problems: ImportProblemRow[];
  pageSize: number;
  testId?: string;
}) {
  return (
    <Table<ImportProblemRow>
      data-testid={testId}
      rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
      size="small"
      columns={problemColumns}
      dataSource={problems}
      pagination={{ pageSize, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}

interface ImportPreviewProps<S extends { row: number }, R> {
  /** One line on the file: its name and what it holds. */
  summary: string;
  /** How many problems in all; any blocks the import. */
  problemCount: number;
  /** The problems listed (the server lists the first ones). */
  problems: ImportProblemRow[];
  problemsTestId: string;
  /** Shown when the file passed its checks. */
  passedText: string;
  /** Before the check result, e.g. that the month was imported already. */
  notice?: ReactNode;
  /** After the check result, e.g. rows that will be imported but flagged. */
  warnings?: ReactNode;
  /** Some rows as they will be imported, shown when nothing blocks the import. */
  sample: S[];
  sampleColumns: TableColumnsType<S>;
  /** Where 确认导入 posts; its `data` is the result. */
  commitUrl: string;
  onDone: (result: R) => void;
  onRestart: () => void;
}

/** Step 2 of an Excel import: what the file would do. With problems nothing can be imported; otherwise 确认导入 writes it. */
export function ImportPreview<S extends { row: number }, R>({
  summary,
  problemCount,
  problems,
  problemsTestId,
  passedText,
  notice,
  warnings,
  sample,
  sampleColumns,
  commitUrl,
  onDone,
  onRestart,
}: ImportPreviewProps<S, R>) {
  const [committing, setCommitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = problemCount > 0;

  async function commit() {
    setCommitting(true);
    setError(null);
    try {
      const { data } = await api.post<{ data: R }>(commitUrl);
      onDone(data);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setCommitting(false);
    }
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text>{summary}</Typography.Text>
      {notice}
      {blocked ? (
        <>
          <Alert
            type="error"
            showIcon
            title={`文件中有 ${problemCount} 处问题，本次不能导入`}
            description="请按下表修改文件后重新上传；全部问题解决前不会写入任何记录。"
          />
          <ImportProblemTable problems={problems} pageSize={50} testId={problemsTestId} />
        </>
      ) : (
        <Alert type="success" showIcon title={passedText} />
      )}
      {warnings}
      {!blocked && (
        <Table<S>
          rowKey="row"
          size="small"
          columns={sampleColumns}
          dataSource={sample}
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
