import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Progress, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { DuesImportMode, DuesImportPreview } from '../../../common/schemas/dues';
import { uploadFile } from '../../api';

const MAX_BYTES = 10 * 1024 * 1024;

/** Step 1: template, whether the month replaces an imported one, and the file. */
export function DuesImportUpload({ onPreview }: { onPreview: (preview: DuesImportPreview) => void }) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<DuesImportMode>('create');
  const [percent, setPercent] = useState<number | null>(null);

  async function upload(file: File) {
    setPercent(0);
    try {
      const { data } = await uploadFile<{ data: DuesImportPreview }>(
        `/dues/import?mode=${mode}`,
        file,
        setPercent,
      );
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
        <Typography.Paragraph>
          第一步：下载模板（已列出应缴会费的会员），填写月份、缴费基数和代扣会费（单位：元）。一个文件只能是一个月份。
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href="/api/dues/import/template" download>
          下载会费导入模板
        </Button>
      </div>
      <div>
        <Typography.Paragraph>第二步：选择导入方式。</Typography.Paragraph>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            { value: 'create', label: '导入新月份' },
            { value: 'replace', label: '替换已导入的月份' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {mode === 'create'
            ? '该月已导入过时会提示，不会重复记账。'
            : '该月原有的代扣记录将被替换，原会费收入以红字冲销后按新文件重新记账；已结账的月份不能替换。'}
        </Typography.Paragraph>
      </div>
      <div>
        <Typography.Paragraph>
          第三步：上传文件，系统先检查并给出预览，确认后才会写入并记账。
        </Typography.Paragraph>
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
      </div>
    </Flex>
  );
}
