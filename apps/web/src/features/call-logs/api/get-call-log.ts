import type { CallLogView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { callLogsQueryKey } from './get-call-logs';

export const callLogQueryKey = (workspaceId: string, id: string) => [...callLogsQueryKey(workspaceId), 'one', id] as const;

export function getCallLog(workspaceId: string, id: string): Promise<CallLogView> {
  return apiRequest<CallLogView>(`/workspaces/${encodeURIComponent(workspaceId)}/call-logs/${encodeURIComponent(id)}`);
}

export function useCallLog(workspaceId: string, id: string) {
  return useQuery({ queryKey: callLogQueryKey(workspaceId, id), queryFn: () => getCallLog(workspaceId, id) });
}
