import { type TableColumnsType, Tag } from 'antd';
import type { ImportPreview } from '../../../../common/schemas/member';
import { ImportPreview as ImportPreviewView } from '../../../components/ImportPreview';

export interface ImportResult {
  created: number;
  updated: number;
}

interface Props {
  preview: ImportPreview;
  onDone: (result: ImportResult) => void;
  onRestart: () => void;
}

const sampleColumns: TableColumnsType<ImportPreview['sample'][number]> = [
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

/** Step 2 of the roster import: which rows would be added and which would update a member. */
export function ImportPreviewStep({ preview, onDone, onRestart }: Props) {
  return (
    <ImportPreviewView
      summary={`文件「${preview.fileName}」：共${preview.total}行，新增${preview.toCreate}条，更新${preview.toUpdate}条`}
      problemCount={preview.problemCount}
      problems={preview.problems}
      problemsTestId="import-problems-table"
      passedText="检查通过，以下为部分预览；确认后将写入会员名册。"
      sample={preview.sample}
      sampleColumns={sampleColumns}
      commitUrl={`/members/import/${preview.id}/commit`}
      onDone={onDone}
      onRestart={onRestart}
    />
  );
}
