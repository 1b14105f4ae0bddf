import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { currentAccessToken } from '@/lib/api-client';
import { recentsQueryKey } from '../api/call-logs';
import { startDialerSession, updatePresenceTiming } from '../lib/dialer-session';
import type { PresenceTiming } from '../lib/timing';

/**
 * Runs the dialer session (socket, presence, voice device) while the widget is mounted and the
 * dialer is available (`timing` given). New timings from a refetched GET …/dialer restart only the
 * presence tracker: the socket and the voice device (and a live call) stay up.
 */
export function useDialerSession(workspaceId: string, userId: string, timing: PresenceTiming | null): void {
  const queryClient = useQueryClient();
  const enabled = timing !== null;
  // The timings as they are when the session starts, without making them a reason to restart it.
  const currentTiming = useEffectEvent(() => timing);

  useEffect(() => {
    const initial = currentTiming();
    if (!enabled || !initial) return undefined;
    return startDialerSession({
      workspaceId,
      userId,
      getAccessToken: currentAccessToken,
      timing: initial,
      // Call logs are written by webhooks just after the call: refresh twice.
      onCallFinished: () => {
        const refresh = () => void queryClient.invalidateQueries({ queryKey: recentsQueryKey(workspaceId) });
        refresh();
        setTimeout(refresh, 1500);
      },
    });
  }, [workspaceId, userId, enabled, queryClient]);

  // After the session effect: a no-op when the session has just started with these timings.
  const heartbeatSeconds = timing?.heartbeatSeconds;
  const autoAwaySeconds = timing?.autoAwaySeconds;
  useEffect(() => {
    if (heartbeatSeconds === undefined || autoAwaySeconds === undefined) return;
    updatePresenceTiming({ heartbeatSeconds, autoAwaySeconds });
  }, [heartbeatSeconds, autoAwaySeconds]);
}
