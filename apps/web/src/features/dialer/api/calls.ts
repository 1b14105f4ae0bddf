import type { CallRingingEvent } from '@ringtonic/contracts';
import { apiRequest } from '@/lib/api-client';

const calls = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/calls`;

export function getRingingCalls(workspaceId: string): Promise<CallRingingEvent[]> {
  return apiRequest<CallRingingEvent[]>(`${calls(workspaceId)}/ringing`);
}

export function answerCall(workspaceId: string, callId: string): Promise<{ callId: string }> {
  return apiRequest<{ callId: string }>(`${calls(workspaceId)}/${encodeURIComponent(callId)}/answer`, { method: 'POST' });
}

export async function rejectCall(workspaceId: string, callId: string): Promise<void> {
  await apiRequest<void>(`${calls(workspaceId)}/${encodeURIComponent(callId)}/reject`, { method: 'POST' });
}
