import type { WorkspaceView } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export const workspaceQueryKey = (workspaceId: string) => ['workspace', workspaceId] as const;

export function getWorkspace(workspaceId: string): Promise<WorkspaceView> {
  return apiRequest<WorkspaceView>(`/workspaces/${encodeURIComponent(workspaceId)}`);
}

export function useWorkspace(workspaceId: string) {
  return useQuery({ queryKey: workspaceQueryKey(workspaceId), queryFn: () => getWorkspace(workspaceId) });
}
