import type { CallLogView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

const logs = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/call-logs`;

interface CallLogList {
  items: CallLogView[];
}

export const recentsQueryKey = (workspaceId: string) => ['dialer', workspaceId, 'recents'] as const;

export function getRecentCalls(workspaceId: string): Promise<CallLogList> {
  return apiRequest<CallLogList>(`${logs(workspaceId)}?mine=true&limit=20`);
}

export function useRecentCalls(workspaceId: string) {
  return useQuery({ queryKey: recentsQueryKey(workspaceId), queryFn: () => getRecentCalls(workspaceId) });
}

export function getCallLog(workspaceId: string, id: string): Promise<CallLogView> {
  return apiRequest<CallLogView>(`${logs(workspaceId)}/${encodeURIComponent(id)}`);
}

export function useCallLog(workspaceId: string, id: string | null) {
  return useQuery({
    queryKey: ['dialer', workspaceId, 'call-log', id] as const,
    queryFn: () => getCallLog(workspaceId, id ?? ''),
    enabled: id !== null,
  });
}

export function useContactCalls(workspaceId: string, contactId: string | null) {
  return useQuery({
    queryKey: ['dialer', workspaceId, 'contact-calls', contactId] as const,
    queryFn: () => apiRequest<CallLogList>(`${logs(workspaceId)}?contactId=${encodeURIComponent(contactId ?? '')}&limit=5`),
    enabled: contactId !== null,
  });
}
