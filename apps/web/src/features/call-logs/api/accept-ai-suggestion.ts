import type { UpdateCallLogResponse } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { callLogQueryKey } from './get-call-log';
import { callLogsQueryKey } from './get-call-logs';

/** Copies the AI's suggested lead status and deal value onto the call log as a person's qualification. */
export function acceptAiSuggestion(workspaceId: string, id: string): Promise<UpdateCallLogResponse> {
  return apiRequest<UpdateCallLogResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/call-logs/${encodeURIComponent(id)}/ai/accept`, { method: 'POST' });
}

export function useAcceptAiSuggestion(workspaceId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptAiSuggestion(workspaceId, id),
    onSuccess: (log) => {
      queryClient.setQueryData(callLogQueryKey(workspaceId, id), log);
      // Within 24 h of the call the contact's lead status follows.
      if (log.contactUpdated) void queryClient.invalidateQueries({ queryKey: ['contacts', workspaceId] });
    },
    // A 409 (nothing to accept any more) means our copy is stale.
    onError: () => queryClient.invalidateQueries({ queryKey: callLogQueryKey(workspaceId, id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...callLogsQueryKey(workspaceId), 'list'] }),
  });
}
