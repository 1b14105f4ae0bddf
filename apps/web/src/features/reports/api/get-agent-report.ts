import type { AgentReport } from '@ringtonic/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getAgentReport(workspaceId: string, from: string, to: string): Promise<AgentReport> {
  const q = new URLSearchParams({ from, to });
  return apiRequest<AgentReport>(`/workspaces/${encodeURIComponent(workspaceId)}/reports/agents?${q.toString()}`);
}

export function useAgentReport(workspaceId: string, from: string, to: string) {
  return useQuery({ queryKey: ['reports', workspaceId, 'agents', from, to], queryFn: () => getAgentReport(workspaceId, from, to), placeholderData: keepPreviousData });
}
