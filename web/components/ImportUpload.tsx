import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Progress, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadFile } from '../api';

const MAX_BYTES = 10 * 1024 * 1024;

export interface ImportModeOption<M extends string> {
  value: M;
  label: string;
  /** What choosing this mode does, shown under the choice. */
  hint: string;
}

interface ImportUploadProps<M extends string, P> {
  /** The endpoint that checks the file and answers with its preview; `?mode=` is added. */
  url: string;
  templateHref: string;
  templateButton: string;
  /** Step one's instructions, after 「第一步：」. */
  templateText: string;
  /** The import modes; the first is chosen at the start. */
  modes: readonly ImportModeOption<M>[];
  /** Step three's instructions, after 「第三步：」. */
  uploadText: string;
  /** Shown once the file is sent, while the server still checks it. */
  checkingText?: string;
  onPreview: (preview: P) => void;
}

/** Step 1 of an Excel import: the template, the import mode and the file, uploaded with its progress shown. */
export function ImportUpload<M extends string, P>({
  url,
  templateHref,
  templateButton,
  templateText,
  modes,
  uploadText,
  checkingText,
  onPreview,
}: ImportUploadProps<M, P>) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<M>(modes[0].value);
  const [percent, setPercent] = useState<number | null>(null);

  async function upload(file: File) {
    setPercent(0);
    try {
      const { data } = await uploadFile<{ data: P }>(`${url}?mode=${mode}`, file, setPercent);
      onPreview(data);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setPercent(null);
    }
  }

  function check(file: File) {
    if (!file.name.toLowerCase().endsWith('.xlsx')) message.error('只能上传 .xlsx 格式的 Excel 文件');
    else if (file.size > MAX_BYTES) message.error('文件不能超过 10 MB');
    else upload(file);
    return Upload.LIST_IGNORE;
  }

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Paragraph>第一步：{templateText}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={templateHref} download>
          {templateButton}
        </Button>
      </div>
      <div>
        <Typography.Paragraph>第二步：选择导入方式。</Typography.Paragraph>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={modes.map(({ value, label }) => ({ value, label }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {modes.find((m) => m.value === mode)?.hint}
        </Typography.Paragraph>
      </div>
      <div>
        <Typography.Paragraph>第三步：{uploadText}</Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          beforeUpload={check}
          disabled={percent !== null}
          showUploadList={false}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽文件到此处上传</p>
          <p className="ant-upload-hint">仅支持 .xlsx 格式，不超过 10 MB</p>
        </Upload.Dragger>
        {percent !== null && <Progress percent={percent} status="active" />}
        {percent === 100 && checkingText && (
          <Typography.Text type="secondary">{checkingText}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
