import type { CallLogListQuery, CallLogView, Page } from '@ringtonic/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export const callLogsQueryKey = (workspaceId: string) => ['call-logs', workspaceId] as const;

export function getCallLogs(workspaceId: string, query: CallLogListQuery): Promise<Page<CallLogView>> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  const text = params.toString();
  return apiRequest<Page<CallLogView>>(`/workspaces/${encodeURIComponent(workspaceId)}/call-logs${text ? `?${text}` : ''}`);
}

export function useCallLogs(workspaceId: string, query: CallLogListQuery) {
  return useQuery({ queryKey: [...callLogsQueryKey(workspaceId), 'list', query], queryFn: () => getCallLogs(workspaceId, query), placeholderData: keepPreviousData });
}
