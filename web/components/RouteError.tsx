import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a deployment). */
export function RouteError() {
  const err = useRouteError();
  console.error(err);
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="请刷新页面重试；如果问题仍然存在，请联系系统管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
