import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Progress, Radio, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../../../common/schemas/member';
import { uploadFile } from '../../../api';

const MAX_BYTES = 10 * 1024 * 1024;
type Mode = ImportPreview['mode'];

/** Step 1: template, import mode and the file, uploaded with its progress shown. */
export function ImportUploadStep({ onPreview }: { onPreview: (preview: ImportPreview) => void }) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>('create');
  const [percent, setPercent] = useState<number | null>(null);

  async function upload(file: File) {
    setPercent(0);
    try {
      const { data } = await uploadFile<{ data: ImportPreview }>(
        `/members/import?mode=${mode}`,
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
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.error('只能上传 .xlsx 格式的 Excel 文件');
    } else if (file.size > MAX_BYTES) {
      message.error('文件不能超过 10 MB');
    } else {
      upload(file);
    }
    return Upload.LIST_IGNORE;
  }

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Paragraph>
          第一步：下载导入模板，按模板填写花名册（一行一人，枚举项填写中文，如「合同制」「中共党员」）。
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href="/api/members/import/template" download>
          下载导入模板
        </Button>
      </div>
      <div>
        <Typography.Paragraph>第二步：选择导入方式。</Typography.Paragraph>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            { value: 'create', label: '仅新增' },
            { value: 'upsert', label: '按身份证号更新已有记录' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {mode === 'create'
            ? '只登记新会员；身份证号已在名册中的行会被列为问题，不会修改已有记录。'
            : '身份证号已在名册中的行将用文件内容更新该会员，其余行作为新会员登记。'}
        </Typography.Paragraph>
      </div>
      <div>
        <Typography.Paragraph>
          第三步：上传填好的文件，系统将先检查并给出预览，确认后才会写入。
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
        {percent === 100 && <Typography.Text type="secondary">上传完成，正在检查文件内容…</Typography.Text>}
      </div>
    </Flex>
  );
}
