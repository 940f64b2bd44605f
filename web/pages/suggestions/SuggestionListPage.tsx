import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Switch, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { HANDLING_STATE_LABELS } from '../../../common/schemas/handling';
import type { Paged } from '../../../common/schemas/shared';
import {
  SUGGESTION_STATE_LABELS,
  SUGGESTION_STATES,
  type SuggestionDetailView,
  type SuggestionView,
  suggestionCreateBody,
} from '../../../common/schemas/suggestion';
import { useCan } from '../../access';
import { api, queryString } from '../../api';
import { FormDrawer } from '../../components/FormDrawer';
import { FilterBar, SearchFilter, SelectFilter, YearFilter } from '../../components/ListFilters';
import { ListPage } from '../../components/ListPage';
import { PagedTable } from '../../components/PagedTable';
import { labelOptions } from '../../options';
import { useListParams } from '../../useListParams';
import { HANDLING_COLORS } from './HandlingPanel';
import { SUGGESTIONS_KEY, yuan } from './suggestionQueries';

const FILTER_KEYS = ['q', 'year', 'state', 'mine'] as const;
export const SUGGESTION_COLORS = {
  submitted: 'processing',
  adopted: 'success',
  declined: 'default',
} as const;

export function SuggestionStateTags({ s }: { s: SuggestionView }) {
  return (
    <>
      <Tag color={SUGGESTION_COLORS[s.state]}>{SUGGESTION_STATE_LABELS[s.state]}</Tag>
      {s.handling && (
        <Tag color={HANDLING_COLORS[s.handling.state]}>{HANDLING_STATE_LABELS[s.handling.state]}</Tag>
      )}
    </>
  );
}

/** 合理化建议: a member sees and sends their own; the committee sees everyone's. */
export default function SuggestionListPage() {
  const list = useListParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const manage = useCan('suggestion:manage');
  const [creating, setCreating] = useState(false);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, list.params[k]]));
  const query = { ...filters, page: list.page, pageSize: list.pageSize };
  const result = useQuery({
    queryKey: [...SUGGESTIONS_KEY, 'list', query],
    queryFn: () => api.get<Paged<SuggestionView>>(`/suggestions${queryString(query)}`),
    placeholderData: keepPreviousData,
  });

  return (
    <ListPage
      title={manage ? '合理化建议' : '我的合理化建议'}
      actions={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          提交建议
        </Button>
      }
      filters={
        <FilterBar list={list}>
          <SearchFilter list={list} placeholder="标题或内容" />
          <YearFilter list={list} />
          <SelectFilter
            list={list}
            name="state"
            placeholder="状态"
            options={labelOptions(SUGGESTION_STATE_LABELS, SUGGESTION_STATES)}
            width={110}
          />
          {manage && (
            <span>
              只看我的{' '}
              <Switch
                size="small"
                checked={filters.mine === 'true'}
                onChange={(on) => list.setFilters({ mine: on ? 'true' : undefined })}
              />
            </span>
          )}
        </FilterBar>
      }
    >
      <PagedTable<SuggestionView>
        list={list}
        result={result}
        emptyText="暂无建议"
        columns={[
          { title: '提交日期', dataIndex: 'submittedOn', width: 110 },
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string, s) => <Link to={`/suggestions/${s.id}`}>{t}</Link>,
          },
          { title: '建议人', dataIndex: 'memberName' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '状态', render: (_, s) => <SuggestionStateTags s={s} /> },
          {
            title: '奖励',
            render: (_, s) =>
              [s.rewardNote, s.rewardFen !== null ? `${yuan(s.rewardFen)} 元` : null]
                .filter(Boolean)
                .join('，') || '—',
          },
        ]}
      />
      <FormDrawer
        title="提交合理化建议"
        open={creating}
        onClose={() => setCreating(false)}
        schema={suggestionCreateBody}
        submitText="提交"
        onSubmit={async (body) => {
          const res = await api.post<{ data: SuggestionDetailView }>('/suggestions', body);
          await qc.invalidateQueries({ queryKey: SUGGESTIONS_KEY });
          message.success('建议已提交');
          setCreating(false);
          navigate(`/suggestions/${res.data.id}`);
        }}
      >
        <Form.Item name="title" label="建议标题" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label="建议内容" required>
          <Input.TextArea rows={8} maxLength={4000} />
        </Form.Item>
      </FormDrawer>
    </ListPage>
  );
}
