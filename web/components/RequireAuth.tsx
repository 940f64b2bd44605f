import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMeQuery } from '../access';
import { ApiError } from '../api';
import { PageLoading } from './PageLoading';

/** Loads the signed-in user; sends strangers to the login page and forced password changes to /password. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, error, refetch } = useMeQuery();
  const location = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    const target = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?redirect=${target}`} replace />;
  }
  if (error) {
    return (
      <Result
        status="error"
        title="无法加载登录信息"
        subTitle={error.message}
        extra={<Button onClick={() => refetch()}>重试</Button>}
      />
    );
  }
  if (!me) return <PageLoading full />;
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return children;
}
