import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DISCLOSURE_STATE_LABELS,
  DISCLOSURE_STATES,
  type DisclosureStats,
  type DisclosureView,
} from '../../../common/schemas/disclosure';
import type { Paged } from '../../../common/schemas/shared';
import { useCan } from '../../access';
import { api, queryString } from '../../api';
import { FilterBar, SearchFilter, SelectFilter, YearFilter } from '../../components/ListFilters';
import { ListPage } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { labelOptions } from '../../options';
import { useListParams } from '../../useListParams';
import { DisclosureFormDrawer } from './DisclosureFormDrawer';
import { DisclosureSettingsModal } from './DisclosureSettingsModal';
import { DISCLOSURES_KEY, toOptions, useDisclosureSettings } from './disclosureQueries';

const FILTER_KEYS = ['q', 'year', 'category', 'channel', 'state'] as const;
export const STATE_COLORS = { draft: 'default', published: 'success', withdrawn: 'warning' } as const;

/** 院务公开: every member reads what is published; the union office registers and publishes. */
export default function DisclosureListPage() {
  const list = useListParams();
  const manage = useCan('disclosure:manage');
  const [creating, setCreating] = useState(false);
  const [editingSettings, setEditingSettings] = useState(false);
  const { data: settings } = useDisclosureSettings();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, list.params[k]]));
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const result = useQuery({
    queryKey: [...DISCLOSURES_KEY, 'list', query],
    queryFn: () => api.get<Paged<DisclosureView>>(`/disclosures${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
  const statsYear = Number(filters.year) || new Date().getFullYear();
  const { data: stats } = useQuery({
    queryKey: [...DISCLOSURES_KEY, 'stats', statsYear],
    queryFn: () =>
      api.get<{ data: DisclosureStats }>(`/disclosures/stats?year=${statsYear}`).then((r) => r.data),
  });

  return (
    <ListPage
      title="院务公开"
      actions={
        manage && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记公开事项
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => setEditingSettings(true)}>
              类别与渠道
            </Button>
          </>
        )
      }
      filters={
        <FilterBar list={list}>
          <SearchFilter list={list} placeholder="标题或内容" />
          <YearFilter list={list} />
          <SelectFilter
            list={list}
            name="category"
            placeholder="公开类别"
            options={toOptions(settings?.categories)}
            width={150}
          />
          <SelectFilter
            list={list}
            name="channel"
            placeholder="公开渠道"
            options={toOptions(settings?.channels)}
            width={120}
          />
          {manage && (
            <SelectFilter
              list={list}
              name="state"
              placeholder="状态"
              options={labelOptions(DISCLOSURE_STATE_LABELS, DISCLOSURE_STATES)}
              width={110}
            />
          )}
        </FilterBar>
      }
    >
      {stats && (
        <Card size="small" title={`${stats.year}年已公开 ${stats.total} 项`} style={{ marginBottom: 12 }}>
          <Flex gap={32} wrap>
            {stats.byCategory.map((c) => (
              <Link key={c.category} to={`/disclosures?year=${stats.year}&category=${c.category}`}>
                <Statistic title={c.label} value={c.count} suffix="项" />
              </Link>
            ))}
          </Flex>
        </Card>
      )}
      <PagedTable<DisclosureView>
        list={list}
        result={result}
        emptyText="暂无公开事项"
        columns={[
          { title: '公开日期', dataIndex: 'date', width: 110 },
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, d) => <Link to={`/disclosures/${d.id}`}>{t}</Link>,
          },
          { title: '类别', dataIndex: 'categoryLabel' },
          { title: '渠道', dataIndex: 'channelLabel' },
          { title: '附件', render: (_, d) => (d.attachments.length ? `${d.attachments.length} 个` : '—') },
          ...(manage
            ? [
                {
                  title: '状态',
                  dataIndex: 'state',
                  render: (s: DisclosureView['state']) => (
                    <Tag color={STATE_COLORS[s]}>{DISCLOSURE_STATE_LABELS[s]}</Tag>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DisclosureFormDrawer open={creating} onClose={() => setCreating(false)} />
      <DisclosureSettingsModal
        open={editingSettings}
        onClose={() => setEditingSettings(false)}
        settings={settings}
      />
    </ListPage>
  );
}
