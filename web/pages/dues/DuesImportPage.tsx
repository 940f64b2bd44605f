import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Result, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DuesImportCommitResult, DuesImportPreview } from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';
import { DuesImportPreviewStep } from './DuesImportPreviewStep';
import { DuesImportUpload } from './DuesImportUpload';
import { DUES_KEY, STATEMENTS_KEY } from './duesFormat';

/** 会费导入: upload and check, then confirm; nothing is written or booked before 确认导入. */
export default function DuesImportPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<DuesImportPreview | null>(null);
  const [result, setResult] = useState<DuesImportCommitResult | null>(null);
  const current = result ? 2 : preview ? 1 : 0;

  function restart() {
    setPreview(null);
    setResult(null);
  }

  function done(r: DuesImportCommitResult) {
    setResult(r);
    queryClient.invalidateQueries({ queryKey: DUES_KEY });
    queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
  }

  return (
    <Card title="会费导入">
      <Steps
        current={current}
        items={[{ title: '上传文件' }, { title: '检查预览' }, { title: '完成' }]}
        style={{ marginBottom: 24 }}
      />
      {current === 0 && <DuesImportUpload onPreview={setPreview} />}
      {current === 1 && preview && (
        <DuesImportPreviewStep preview={preview} onDone={done} onRestart={restart} />
      )}
      {current === 2 && result && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`${result.month}：${result.rowCount}人，会费收入 ${yuan(result.totalFen)} 元已记账${
            result.flagged ? `，${result.flagged}行金额不符已标记` : ''
          }${result.replacedImportId ? '（已替换原导入并冲销原收入）' : ''}`}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('/dues')}>
              查看会费记录
            </Button>,
            <Button key="again" onClick={restart}>
              继续导入
            </Button>,
          ]}
        />
      )}
    </Card>
  );
}
