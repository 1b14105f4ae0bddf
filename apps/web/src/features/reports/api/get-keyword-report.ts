import type { KeywordReport } from '@ringtonic/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getKeywordReport(workspaceId: string, from: string, to: string): Promise<KeywordReport> {
  const q = new URLSearchParams({ from, to });
  return apiRequest<KeywordReport>(`/workspaces/${encodeURIComponent(workspaceId)}/reports/keywords?${q.toString()}`);
}

export function useKeywordReport(workspaceId: string, from: string, to: string) {
  return useQuery({ queryKey: ['reports', workspaceId, 'keywords', from, to], queryFn: () => getKeywordReport(workspaceId, from, to), placeholderData: keepPreviousData });
}
