import { useQueryClient } from '@tanstack/react-query';
import type { ImportMode, ImportPreview } from '../../../../common/schemas/member';
import { type ImportModeOption, ImportUpload } from '../../../components/ImportUpload';
import { ImportWizard } from '../../../components/ImportWizard';
import { MEMBERS_KEY } from '../memberQueries';
import { ImportPreviewStep, type ImportResult } from './ImportPreviewStep';

const MODES: ImportModeOption<ImportMode>[] = [
  {
    value: 'create',
    label: '仅新增',
    hint: '只登记新会员；身份证号已在名册中的行会被列为问题，不会修改已有记录。',
  },
  {
    value: 'upsert',
    label: '按身份证号更新已有记录',
    hint: '身份证号已在名册中的行将用文件内容更新该会员，其余行作为新会员登记。',
  },
];

/** 导入花名册: upload and check, then confirm; nothing is written before 确认导入. */
export default function ImportPage() {
  const queryClient = useQueryClient();
  return (
    <ImportWizard<ImportPreview, ImportResult>
      title="导入花名册"
      upload={(onPreview) => (
        <ImportUpload
          url="/members/import"
          templateHref="/api/members/import/template"
          templateButton="下载导入模板"
          templateText="下载导入模板，按模板填写花名册（一行一人，枚举项填写中文，如「合同制」「中共党员」）。"
          modes={MODES}
          uploadText="上传填好的文件，系统将先检查并给出预览，确认后才会写入。"
          checkingText="上传完成，正在检查文件内容…"
          onPreview={onPreview}
        />
      )}
      preview={(preview, onDone, onRestart) => (
        <ImportPreviewStep preview={preview} onDone={onDone} onRestart={onRestart} />
      )}
      doneText={(r) => `新增${r.created}条，更新${r.updated}条`}
      back={{ to: '/members', label: '返回会员名册' }}
      onImported={() => queryClient.invalidateQueries({ queryKey: MEMBERS_KEY })}
    />
  );
}
