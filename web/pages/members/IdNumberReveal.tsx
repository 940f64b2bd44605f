import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';

/** The masked ID number; 显示 fetches the full one, a look the server records in the audit log. */
export function IdNumberReveal({
  memberId,
  masked,
  canReveal,
}: {
  memberId: string;
  masked: string;
  canReveal: boolean;
}) {
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function reveal() {
    setLoading(true);
    try {
      const { data } = await api.post<{ data: { idNumber: string } }>(`/members/${memberId}/reveal-id`);
      setFull(data.idNumber);
      message.info('查看完整身份证号已记入审计日志');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setLoading(false);
    }
  }

  if (full) {
    return (
      <Space wrap>
        <Typography.Text copyable>{full}</Typography.Text>
        <Typography.Text type="secondary">（本次查看已记入审计日志）</Typography.Text>
        <Button size="small" onClick={() => setFull(null)}>
          隐藏
        </Button>
      </Space>
    );
  }
  return (
    <Space wrap>
      <span>{masked}</span>
      {canReveal && (
        <Button size="small" loading={loading} onClick={reveal} title="查看完整号码（将记入审计日志）">
          显示
        </Button>
      )}
    </Space>
  );
}
