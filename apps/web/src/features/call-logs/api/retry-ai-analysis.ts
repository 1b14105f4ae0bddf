import type { CallLogView } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { callLogQueryKey } from './get-call-log';
import { callLogsQueryKey } from './get-call-logs';

/** Queues an analysis: again after a failure, or of a call recorded before AI was on. */
export function retryAiAnalysis(workspaceId: string, id: string): Promise<CallLogView> {
  return apiRequest<CallLogView>(`/workspaces/${encodeURIComponent(workspaceId)}/call-logs/${encodeURIComponent(id)}/ai/retry`, { method: 'POST' });
}

export function useRetryAiAnalysis(workspaceId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryAiAnalysis(workspaceId, id),
    onSuccess: (log) => queryClient.setQueryData(callLogQueryKey(workspaceId, id), log),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...callLogsQueryKey(workspaceId), 'list'] }),
  });
}
