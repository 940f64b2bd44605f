import { Alert, type TableColumnsType } from 'antd';
import type {
  DuesImportCommitResult,
  DuesImportPreview,
  DuesImportSampleRow,
} from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';
import { ImportPreview, ImportProblemTable } from '../../components/ImportPreview';
import { deductionColumns } from './deductionColumns';
import { formatBp } from './duesFormat';

interface Props {
  preview: DuesImportPreview;
  onDone: (result: DuesImportCommitResult) => void;
  onRestart: () => void;
}

const sampleColumns: TableColumnsType<DuesImportSampleRow> = [
  { title: '行', dataIndex: 'row', width: 70 },
  ...deductionColumns<DuesImportSampleRow>(),
];

/** Step 2: problems block the import; deductions off the rate are flagged but may be imported. */
export function DuesImportPreviewStep({ preview, onDone, onRestart }: Props) {
  return (
    <ImportPreview
      summary={
        `文件「${preview.fileName}」：月份 ${preview.month ?? '—'}，共${preview.total}行，已识别${preview.matched}人，` +
        `代扣合计 ${yuan(preview.totalFen)} 元（按费率 ${formatBp(preview.rateBp)} 应扣 ${yuan(preview.expectedFen)} 元）`
      }
      problemCount={preview.problemCount}
      problems={preview.problems}
      problemsTestId="dues-problems-table"
      passedText="检查通过，确认后将写入代扣记录并登记会费收入。"
      notice={
        preview.existing && (
          <Alert
            type="warning"
            showIcon
            title={`该月已导入 ${preview.existing.rowCount} 人、${yuan(preview.existing.totalFen)} 元；确认后将替换原记录并冲销原会费收入`}
          />
        )
      }
      warnings={
        preview.warningCount > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              title={`${preview.warningCount} 行代扣金额与缴费基数×费率不符（相差超过1分），导入后将被标记以便核对`}
            />
            <ImportProblemTable problems={preview.warnings} pageSize={20} />
          </>
        )
      }
      sample={preview.sample}
      sampleColumns={sampleColumns}
      commitUrl={`/dues/import/${preview.id}/commit`}
      onDone={onDone}
      onRestart={onRestart}
    />
  );
}
