import type { UpdateCallLogRequest, UpdateCallLogResponse } from '@ringtonic/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { callLogQueryKey } from './get-call-log';
import { callLogsQueryKey } from './get-call-logs';

export function updateCallLog(workspaceId: string, id: string, input: UpdateCallLogRequest): Promise<UpdateCallLogResponse> {
  return apiRequest<UpdateCallLogResponse>(`/workspaces/${encodeURIComponent(workspaceId)}/call-logs/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function useUpdateCallLog(workspaceId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCallLogRequest) => updateCallLog(workspaceId, id, input),
    onSuccess: (log) => {
      queryClient.setQueryData(callLogQueryKey(workspaceId, id), log);
      // A synced lead status changes the contact too.
      if (log.contactUpdated) void queryClient.invalidateQueries({ queryKey: ['contacts', workspaceId] });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...callLogsQueryKey(workspaceId), 'list'] }),
  });
}
