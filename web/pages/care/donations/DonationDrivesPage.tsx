import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Space, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  DONATION_DRIVE_STATUS_LABELS,
  DONATION_DRIVE_STATUSES,
  type DonationDriveView,
  donationDriveCreateBody,
} from '../../../../common/schemas/donation';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { FilterBar, SelectFilter, YearFilter } from '../../../components/ListFilters';
import { ListPage } from '../../../components/ListPage';
import { dateStringItem } from '../../../forms';
import { labelOptions } from '../../../options';
import { useListParams } from '../../../useListParams';
import { YuanInput } from '../../funds/fundsShared';
import { MemberSelect } from '../hardship/MemberSelect';
import { DonorsTable } from './DonorsTable';
import { DONATIONS_KEY, DriveStatusTag, RaisedProgress } from './donationsShared';

const statusOptions = labelOptions(DONATION_DRIVE_STATUS_LABELS, DONATION_DRIVE_STATUSES);

/**
 * 爱心捐款: the drives with their live totals, and who gave to them (by year and status, from the
 * URL); officers start new ones.
 */
export default function DonationDrivesPage() {
  const list = useListParams();
  const tab = list.params.tab === 'donors' ? 'donors' : 'drives';
  const query = queryString({ year: list.params.year, status: list.params.status });
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const [creating, setCreating] = useState(false);
  const drives = useQuery({
    queryKey: [...DONATIONS_KEY, 'drives', query],
    queryFn: () =>
      api.get<{ data: DonationDriveView[] }>(`/care/donations/drives${query}`).then((r) => r.data),
    enabled: tab === 'drives',
  });
  const drivesTable = (
    <Table<DonationDriveView>
      rowKey="id"
      loading={drives.isFetching}
      dataSource={drives.data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: drives.error ? `加载失败：${drives.error.message}` : '暂无捐款活动' }}
      columns={[
        {
          title: '捐款活动',
          dataIndex: 'title',
          render: (t: string, d) => <Link to={`/care/donations/${d.id}`}>{t}</Link>,
        },
        { title: '受助对象', dataIndex: 'beneficiaryName' },
        { title: '开始', dataIndex: 'startDate' },
        { title: '截止', dataIndex: 'endDate', render: (d: string | null) => d ?? '—' },
        { title: '笔数', dataIndex: 'count' },
        { title: '已募集', key: 'raised', render: (_, d) => <RaisedProgress {...d} /> },
        { title: '状态', dataIndex: 'status', render: (_, d) => <DriveStatusTag status={d.status} /> },
      ]}
    />
  );
  return (
    <ListPage
      title="爱心捐款"
      actions={
        <Space>
          <Link to="/care/donations/public">捐款公示</Link>
          {mayWrite && (
            <Button type="primary" onClick={() => setCreating(true)}>
              发起捐款
            </Button>
          )}
        </Space>
      }
      filters={
        <FilterBar list={list}>
          <YearFilter list={list} />
          <SelectFilter
            list={list}
            name="status"
            placeholder="状态"
            width={280}
            options={statusOptions}
            multiple
          />
        </FilterBar>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilters({ tab: k === 'drives' ? undefined : k })}
        items={[
          { key: 'drives', label: '捐款活动', children: drivesTable },
          { key: 'donors', label: '捐款人', children: <DonorsTable list={list} /> },
        ]}
      />
      <FormDrawer
        title="发起爱心捐款"
        open={creating}
        onClose={() => setCreating(false)}
        schema={donationDriveCreateBody}
        initialValues={{ startDate: dayjs().format('YYYY-MM-DD') }}
        toBody={(v) => ({
          title: v.title,
          beneficiaryMemberId: v.beneficiaryMemberId || null,
          beneficiaryName: v.beneficiaryName || null,
          reason: v.reason || null,
          targetFen: typeof v.target === 'number' ? Math.round(v.target * 100) : null,
          startDate: v.startDate,
          endDate: v.endDate || null,
        })}
        onSubmit={async (body) => {
          const created = await api.post<{ data: DonationDriveView }>('/care/donations/drives', body);
          setCreating(false);
          message.success('捐款活动已发起');
          await queryClient.invalidateQueries({ queryKey: DONATIONS_KEY });
          navigate(`/care/donations/${created.data.id}`);
        }}
      >
        <Form.Item name="title" label="活动名称" required extra="名称会出现在公示中，请不要写入病情">
          <Input placeholder="如：为护理部王某某爱心捐款" />
        </Form.Item>
        <Form.Item
          name="beneficiaryMemberId"
          label="受助会员"
          extra="为本会职工捐款时选择；为事由捐款时留空并填写受助对象"
        >
          <MemberSelect />
        </Form.Item>
        <Form.Item name="beneficiaryName" label="受助对象（事由）">
          <Input placeholder="如：受灾地区" />
        </Form.Item>
        <Form.Item name="reason" label="捐款事由" extra="可能涉及病情，加密保存，仅有关爱详情权限者可见">
          <Input.TextArea rows={2} placeholder="如：肾移植手术" />
        </Form.Item>
        <Form.Item name="target" label="目标金额">
          <YuanInput />
        </Form.Item>
        <Form.Item name="startDate" label="开始日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label="截止日期" {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormDrawer>
    </ListPage>
  );
}
