import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Result, Steps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportPreview } from '../../../../common/schemas/member';
import { MEMBERS_KEY } from '../memberQueries';
import { ImportPreviewStep, type ImportResult } from './ImportPreviewStep';
import { ImportUploadStep } from './ImportUploadStep';

/** 导入花名册: upload and check, then confirm; nothing is written before 确认导入. */
export default function ImportPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const current = result ? 2 : preview ? 1 : 0;

  function restart() {
    setPreview(null);
    setResult(null);
  }

  function done(r: ImportResult) {
    setResult(r);
    queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
  }

  return (
    <Card title="导入花名册">
      <Steps
        current={current}
        items={[{ title: '上传文件' }, { title: '检查预览' }, { title: '完成' }]}
        style={{ marginBottom: 24 }}
      />
      {current === 0 && <ImportUploadStep onPreview={setPreview} />}
      {current === 1 && preview && <ImportPreviewStep preview={preview} onDone={done} onRestart={restart} />}
      {current === 2 && result && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增${result.created}条，更新${result.updated}条`}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate('/members')}>
              返回会员名册
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
