import type { DialerHealth } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

export const dialerHealthQueryKey = (workspaceId: string) => ['dialer-health', workspaceId] as const;

export function getDialerHealth(workspaceId: string): Promise<DialerHealth> {
  return apiRequest<DialerHealth>(`/workspaces/${encodeURIComponent(workspaceId)}/dialer/health`);
}

export function useDialerHealth(workspaceId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: dialerHealthQueryKey(workspaceId),
    queryFn: () => getDialerHealth(workspaceId),
    enabled,
  });
}
