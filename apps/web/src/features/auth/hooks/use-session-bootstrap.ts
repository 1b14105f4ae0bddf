import { useEffect } from 'react';
import { refreshSession } from '@/lib/api-client';
import { useAuthStore, useSessionStatus, type SessionStatus } from '../stores/auth-store';

/** On first load the token is unknown: try the refresh cookie once before deciding. */
export function useSessionBootstrap(): SessionStatus {
  const status = useSessionStatus();
  useEffect(() => {
    if (status !== 'unknown') return;
    let cancelled = false;
    void refreshSession().then((token) => {
      if (!cancelled && !token) useAuthStore.getState().sessionExpired();
    });
    return () => {
      cancelled = true;
    };
  }, [status]);
  return status;
}
