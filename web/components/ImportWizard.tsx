import { Button, Card, Result, Steps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';

interface ImportWizardProps<P, R> {
  title: string;
  /** Step 1: the upload, which hands over the server's preview of the file. */
  upload: (onPreview: (preview: P) => void) => ReactNode;
  /** Step 2: the preview, which hands over the result once confirmed (or starts again). */
  preview: (preview: P, onDone: (result: R) => void, onRestart: () => void) => ReactNode;
  /** Step 3's line under 导入完成. */
  doneText: (result: R) => string;
  /** The list the import wrote to, and the button that leads back to it. */
  back: { to: string; label: string };
  /** Called once the import is written, e.g. to refresh the lists it changed. */
  onImported: (result: R) => void;
}

/** An Excel import in three steps: upload and check, then confirm; nothing is written before 确认导入. */
export function ImportWizard<P, R>({
  title,
  upload,
  preview,
  doneText,
  back,
  onImported,
}: ImportWizardProps<P, R>) {
  const navigate = useNavigate();
  const [checked, setChecked] = useState<P | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const current = result ? 2 : checked ? 1 : 0;

  function restart() {
    setChecked(null);
    setResult(null);
  }

  function done(r: R) {
    setResult(r);
    onImported(r);
  }

  return (
    <Card title={title}>
      <Steps
        current={current}
        items={[{ title: '上传文件' }, { title: '检查预览' }, { title: '完成' }]}
        style={{ marginBottom: 24 }}
      />
      {current === 0 && upload(setChecked)}
      {current === 1 && checked && preview(checked, done, restart)}
      {current === 2 && result && (
        <Result
          status="success"
          title="导入完成"
          subTitle={doneText(result)}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate(back.to)}>
              {back.label}
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
