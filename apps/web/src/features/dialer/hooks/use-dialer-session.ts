import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { currentAccessToken } from '@/lib/api-client';
import { recentsQueryKey } from '../api/call-logs';
import { startDialerSession } from '../lib/dialer-session';
import type { PresenceTiming } from '../lib/timing';

/** Runs the dialer session (socket, presence, voice device) while the widget is mounted. */
export function useDialerSession(workspaceId: string, userId: string, enabled: boolean, timing: PresenceTiming): void {
  const queryClient = useQueryClient();
  const { heartbeatSeconds, autoAwaySeconds } = timing;
  useEffect(() => {
    if (!enabled) return undefined;
    return startDialerSession({
      workspaceId,
      userId,
      getAccessToken: currentAccessToken,
      timing: { heartbeatSeconds, autoAwaySeconds },
      // Call logs are written by webhooks just after the call: refresh twice.
      onCallFinished: () => {
        const refresh = () => void queryClient.invalidateQueries({ queryKey: recentsQueryKey(workspaceId) });
        refresh();
        setTimeout(refresh, 1500);
      },
    });
  }, [workspaceId, userId, enabled, queryClient, heartbeatSeconds, autoAwaySeconds]);
}
