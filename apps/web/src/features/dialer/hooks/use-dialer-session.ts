import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { currentAccessToken } from '@/lib/api-client';
import { recentsQueryKey } from '../api/call-logs';
import { startDialerSession } from '../lib/dialer-session';

/** Runs the dialer session (socket, presence, voice device) while the widget is mounted. */
export function useDialerSession(workspaceId: string, userId: string, enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return startDialerSession({
      workspaceId,
      userId,
      getAccessToken: currentAccessToken,
      // Call logs are written by webhooks just after the call: refresh twice.
      onCallFinished: () => {
        const refresh = () => void queryClient.invalidateQueries({ queryKey: recentsQueryKey(workspaceId) });
        refresh();
        setTimeout(refresh, 1500);
      },
    });
  }, [workspaceId, userId, enabled, queryClient]);
}
