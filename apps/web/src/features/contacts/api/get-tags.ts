import type { TagSuggestions } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export function getTags(workspaceId: string, prefix: string): Promise<TagSuggestions> {
  return apiRequest<TagSuggestions>(`/workspaces/${encodeURIComponent(workspaceId)}/tags?prefix=${encodeURIComponent(prefix)}&limit=20`);
}

export function useTagSuggestions(workspaceId: string, prefix: string) {
  return useQuery({ queryKey: ['tags', workspaceId, prefix], queryFn: () => getTags(workspaceId, prefix), staleTime: 30_000 });
}
