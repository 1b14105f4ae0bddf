import type { CallSummary } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getCallSummary(workspaceId: string, from: string, to: string): Promise<CallSummary> {
  const q = new URLSearchParams({ from, to });
  return apiRequest<CallSummary>(`/workspaces/${encodeURIComponent(workspaceId)}/reports/summary?${q.toString()}`);
}

export function useCallSummary(workspaceId: string, from: string, to: string, enabled = true) {
  return useQuery({ queryKey: ['reports', workspaceId, 'summary', from, to], queryFn: () => getCallSummary(workspaceId, from, to), enabled });
}
