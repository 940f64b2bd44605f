import { Button, Card, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../access';
import { api } from '../../api';
import { PageLoading } from '../../components/PageLoading';
import { AssignModal } from './AssignModal';
import { HandlingPanel } from './HandlingPanel';
import { useStep, useTopic } from './proposalQueries';

/** One topic (办理事项): its proposals and its handling. */
export default function TopicDetailPage() {
  const { id = '' } = useParams();
  const { data: t } = useTopic(id);
  const canManage = useCan('proposal:manage');
  const [assigning, setAssigning] = useState(false);
  const close = useStep(
    () => api.post(`/proposal-topics/${id}/close`, { version: t?.handling?.version }),
    '已办结',
  );
  if (!t) return <PageLoading />;
  const h = t.handling;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          办理事项：{t.title}
        </Typography.Title>
        {canManage && (
          <Space>
            {(!h || h.state === 'assigned') && (
              <Button type="primary" onClick={() => setAssigning(true)}>
                {h ? '调整交办' : '交办'}
              </Button>
            )}
            {h?.state === 'rated' && <Button onClick={() => close.mutate(undefined)}>办结</Button>}
          </Space>
        )}
      </Flex>
      {t.note && <Typography.Paragraph>{t.note}</Typography.Paragraph>}
      <Card size="small" title={`包含的提案（${t.proposals.length}）`}>
        <List
          size="small"
          dataSource={t.proposals}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/proposals/${p.id}`}>
                {p.number} {p.title}
              </Link>
              <span>{p.proposerName}</span>
            </List.Item>
          )}
        />
      </Card>
      <HandlingPanel item={h} />
      <AssignModal
        open={assigning}
        onClose={() => setAssigning(false)}
        url={`/proposal-topics/${id}/assign`}
        current={
          h && {
            leadDepartmentId: h.leadDepartmentId,
            coDepartmentIds: h.coDepartmentIds,
            dueDate: h.dueDate,
            version: h.version,
          }
        }
      />
    </Flex>
  );
}
