import { CheckCircleTwoTone } from '@ant-design/icons';
import { App, Button, Card, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { DELEGATE_KIND_LABELS } from '../../../common/schemas/congress';
import { api } from '../../api';
import { useCongressMutation, useMyMeeting } from './congressQueries';
import { PhoneFrame } from './PhoneFrame';

/** The meeting link a delegate opens on a phone to sign in. */
export default function CheckInPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const mine = useMyMeeting(id);
  const checkIn = useCongressMutation(() => api.post(`/congress/meetings/${id}/me/check-in`));
  const v = mine.data;
  if (mine.error) return <Result status="warning" title={mine.error.message} />;
  if (!v) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  return (
    <PhoneFrame>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {v.meeting.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {v.meeting.date} {v.meeting.place ?? ''}
      </Typography.Text>
      {!v.delegate ? (
        <Result status="warning" title="您不是本届职工代表" subTitle="如有疑问请联系大会秘书处" />
      ) : (
        <Card>
          <Typography.Paragraph>
            {v.delegate.name}（{DELEGATE_KIND_LABELS[v.delegate.kind]}
            {v.delegate.delegation ? `，${v.delegate.delegation}` : ''}）
          </Typography.Paragraph>
          {v.checkedInAt ? (
            <Result
              icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
              title="已签到"
              subTitle={`签到时间 ${new Date(v.checkedInAt).toLocaleTimeString('zh-CN')}`}
              extra={
                <Link to={`/congress/meetings/${id}/vote`}>
                  <Button type="primary" size="large" block>
                    进入表决
                  </Button>
                </Link>
              }
            />
          ) : (
            <Button
              type="primary"
              size="large"
              block
              disabled={v.meeting.status === 'closed'}
              loading={checkIn.isPending}
              onClick={() =>
                checkIn
                  .mutateAsync(undefined)
                  .then(() => message.success('签到成功'))
                  .catch((e: Error) => message.error(e.message))
              }
            >
              {v.meeting.status === 'closed' ? '会议已闭幕' : '签到'}
            </Button>
          )}
        </Card>
      )}
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        正式代表已到会 {v.present} / {v.entitled} 人
      </Typography.Text>
    </PhoneFrame>
  );
}
