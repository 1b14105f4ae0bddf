import type { DialerAvailability, VoiceTokenResponse } from '@ringtonic/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;

export const dialerQueryKey = (workspaceId: string) => ['dialer', workspaceId] as const;

function getDialer(workspaceId: string): Promise<DialerAvailability> {
  return apiRequest<DialerAvailability>(`${ws(workspaceId)}/dialer`);
}

export function useDialer(workspaceId: string) {
  return useQuery({ queryKey: dialerQueryKey(workspaceId), queryFn: () => getDialer(workspaceId) });
}

export function createVoiceToken(workspaceId: string): Promise<VoiceTokenResponse> {
  return apiRequest<VoiceTokenResponse>(`${ws(workspaceId)}/dialer/token`, { method: 'POST' });
}

export interface SmartCallerId {
  phoneNumberId: string;
  e164: string;
  reason: 'sticky' | 'first';
}

export function getSmartCallerId(workspaceId: string, to: string): Promise<SmartCallerId> {
  return apiRequest<SmartCallerId>(`${ws(workspaceId)}/dialer/caller-id?to=${encodeURIComponent(to)}`);
}

export function useSmartCallerId(workspaceId: string, to: string | null) {
  return useQuery({
    queryKey: ['dialer', workspaceId, 'caller-id', to] as const,
    queryFn: () => getSmartCallerId(workspaceId, to ?? ''),
    enabled: to !== null,
    staleTime: 60_000,
  });
}
