import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useRealtimeEvent } from '@/lib/realtime';
import { callLogQueryKey } from '../api/get-call-log';
import { callLogsQueryKey } from '../api/get-call-logs';

/**
 * Keeps the call-logs list and any open call fresh: the API announces `calllog.updated` whenever a
 * call ends, is qualified or its AI analysis moves. After a reconnect everything is refetched, since
 * events may have been missed.
 */
export function useCallLogUpdates(workspaceId: string): void {
  const queryClient = useQueryClient();
  const onUpdated = useCallback(
    ({ id }: { id: string }) => {
      void queryClient.invalidateQueries({ queryKey: callLogQueryKey(workspaceId, id) });
      void queryClient.invalidateQueries({ queryKey: [...callLogsQueryKey(workspaceId), 'list'] });
    },
    [queryClient, workspaceId],
  );
  const onReconnected = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: callLogsQueryKey(workspaceId), predicate: (q) => q.queryKey[2] !== 'recording' }),
    [queryClient, workspaceId],
  );
  useRealtimeEvent(workspaceId, 'calllog.updated', onUpdated, onReconnected);
}
