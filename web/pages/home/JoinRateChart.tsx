import { Empty } from 'antd';
import { useMemo } from 'react';
import type { MemberStatsRow } from '../../../common/schemas/member';
import { EChart } from '../../components/EChart';
import { escapeHtml, formatRate } from '../../format';

/** Join rate per department as horizontal bars: long department names stay readable, also on a phone. */
export function JoinRateChart({ rows }: { rows: MemberStatsRow[] }) {
  const option = useMemo(() => {
    const sorted = [...rows].sort((a, b) => a.joinRate - b.joinRate);
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const r = sorted[params[0].dataIndex];
          return `${escapeHtml(r.label)}<br/>入会率 ${formatRate(r.joinRate)}<br/>会员 ${r.members} / 职工 ${r.staff}`;
        },
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: sorted.map((r) => r.label) },
      series: [
        {
          type: 'bar',
          data: sorted.map((r) => Math.round(r.joinRate * 1000) / 10),
          label: { show: true, position: 'right', formatter: '{c}%' },
          barMaxWidth: 24,
        },
      ],
    };
  }, [rows]);
  if (rows.length === 0) return <Empty description="暂无科室数据" />;
  return <EChart option={option} height={Math.max(240, rows.length * 32 + 32)} />;
}
