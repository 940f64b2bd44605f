import { useQueryClient } from '@tanstack/react-query';
import type { DuesImportCommitResult, DuesImportMode, DuesImportPreview } from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';
import { type ImportModeOption, ImportUpload } from '../../components/ImportUpload';
import { ImportWizard } from '../../components/ImportWizard';
import { DuesImportPreviewStep } from './DuesImportPreviewStep';
import { DUES_KEY, STATEMENTS_KEY } from './duesFormat';

const MODES: ImportModeOption<DuesImportMode>[] = [
  { value: 'create', label: '导入新月份', hint: '该月已导入过时会提示，不会重复记账。' },
  {
    value: 'replace',
    label: '替换已导入的月份',
    hint: '该月原有的代扣记录将被替换，原会费收入以红字冲销后按新文件重新记账；已结账的月份不能替换。',
  },
];

/** 会费导入: upload and check, then confirm; nothing is written or booked before 确认导入. */
export default function DuesImportPage() {
  const queryClient = useQueryClient();
  return (
    <ImportWizard<DuesImportPreview, DuesImportCommitResult>
      title="会费导入"
      upload={(onPreview) => (
        <ImportUpload
          url="/dues/import"
          templateHref="/api/dues/import/template"
          templateButton="下载会费导入模板"
          templateText="下载模板（已列出应缴会费的会员），填写月份、缴费基数和代扣会费（单位：元）。一个文件只能是一个月份。"
          modes={MODES}
          uploadText="上传文件，系统先检查并给出预览，确认后才会写入并记账。"
          onPreview={onPreview}
        />
      )}
      preview={(preview, onDone, onRestart) => (
        <DuesImportPreviewStep preview={preview} onDone={onDone} onRestart={onRestart} />
      )}
      doneText={(r) =>
        `${r.month}：${r.rowCount}人，会费收入 ${yuan(r.totalFen)} 元已记账${
          r.flagged ? `，${r.flagged}行金额不符已标记` : ''
        }${r.replacedImportId ? '（已替换原导入并冲销原收入）' : ''}`
      }
      back={{ to: '/dues', label: '查看会费记录' }}
      onImported={() => {
        queryClient.invalidateQueries({ queryKey: DUES_KEY });
        queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
      }}
    />
  );
}
