import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { MEMBERSHIP_ACTION_LABELS, type MembershipAction } from '../../../common/enums';
import { useCan } from '../../access';
import { PageLoading } from '../../components/PageLoading';
import { StatusTag } from '../../components/StatusTag';
import { useDialog } from '../../components/useDialog';
import { MemberCare } from './MemberCare';
import { MemberFormDrawer } from './MemberFormDrawer';
import { MemberHistory } from './MemberHistory';
import { MemberInfo } from './MemberInfo';
import { MembershipActionModal } from './MembershipActionModal';
import { useMember } from './memberQueries';

/** One member: all fields, the membership status with its allowed changes, and the history. */
export default function MemberDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: member, error } = useMember(id);
  const [editing, setEditing] = useState(false);
  const change = useDialog<MembershipAction>('apply');
  // Care roles see the visits and aid the member received (care:summary without amounts or aid).
  const careRole = useCan('care:summary');

  const back = (
    // Back to the list as it was (its filters are in the URL), or to the roster when opened directly.
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => (window.history.state?.idx ? navigate(-1) : navigate('/members'))}
    >
      返回
    </Button>
  );
  if (error) return <Alert type="error" showIcon title={error.message} action={back} />;
  if (!member) return <PageLoading />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          {back}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {member.name}
          </Typography.Title>
          <StatusTag status={member.status} />
        </Flex>
        <Flex gap={8} wrap>
          {member.abilities.actions.map((a) => (
            <Button key={a} onClick={() => change.show(a)}>
              {MEMBERSHIP_ACTION_LABELS[a]}
            </Button>
          ))}
          {member.abilities.edit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              编辑
            </Button>
          )}
        </Flex>
      </Flex>
      <Card title="基本信息" size="small">
        <MemberInfo member={member} />
      </Card>
      <Card title="会籍变动记录" size="small">
        <MemberHistory memberId={member.id} />
      </Card>
      {careRole && <MemberCare memberId={member.id} />}
      <MemberFormDrawer open={editing} onClose={() => setEditing(false)} member={member} />
      <MembershipActionModal
        open={change.open}
        member={member}
        action={change.subject}
        onClose={change.close}
      />
    </Flex>
  );
}
