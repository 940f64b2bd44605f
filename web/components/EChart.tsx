import { Alert, Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

type EChartsModule = typeof import('./echarts');

/** A chart drawn by ECharts, whose code is fetched only when a chart is first shown. */
export function EChart({ option, height = 320 }: { option: EChartsCoreOption; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [lib, setLib] = useState<EChartsModule | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    import('./echarts').then(setLib, () => setFailed(true));
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!lib || !el) return;
    const chart = lib.echarts.init(el);
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [lib, option]);

  if (failed) return <Alert type="warning" title="图表加载失败，请刷新页面重试" />;
  return (
    <div style={{ position: 'relative', height }}>
      {!lib && <Skeleton active />}
      <div ref={ref} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
