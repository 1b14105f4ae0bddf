import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/status';
import { useSessionBootstrap } from '../hooks/use-session-bootstrap';

export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useSessionBootstrap();
  const location = useLocation();
  if (status === 'unknown') {
    return (
      <div className="fullscreen-center">
        <LoadingState label="Loading your session…" />
      </div>
    );
  }
  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return children;
}
